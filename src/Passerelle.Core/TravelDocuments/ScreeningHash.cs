namespace Passerelle.Core.TravelDocuments;

/// <summary>The 64-bit hashes <see cref="ScreeningIndex"/> keys its table and records by: FNV-1a, then mixed.</summary>
internal static class ScreeningHash
{
    private const ulong FnvOffset = 14695981039346656037;
    private const ulong FnvPrime = 1099511628211;

    /// <summary>The folded number's hash: numbers that an OCR confusion could turn into one another share it.</summary>
    public static ulong Folded(ReadOnlySpan<char> normalized)
    {
        var hash = FnvOffset;
        foreach (var c in normalized)
        {
            hash = (hash ^ DocumentNames.Fold(c)) * FnvPrime;
        }

        return Finish(hash);
    }

    /// <summary>The record's key: issuing state, type, exact number and owner agency.</summary>
    public static ulong Key(ReadOnlySpan<char> state, DocumentType type, ReadOnlySpan<char> normalized, Guid owner)
    {
        var hash = FnvOffset;
        foreach (var c in state)
        {
            hash = (hash ^ c) * FnvPrime;
        }

        hash = (hash ^ ('0' + (ulong)type)) * FnvPrime;
        foreach (var c in normalized)
        {
            hash = (hash ^ c) * FnvPrime;
        }

        // The owner goes into the hash rather than beside it, so a record still costs the same few bytes.
        Span<byte> bytes = stackalloc byte[16];
        owner.TryWriteBytes(bytes);
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * FnvPrime;
        }

        return Finish(hash);
    }

    /// <summary>Mixes the high bits into the low ones the table indexes by (the finaliser of MurmurHash3).</summary>
    private static ulong Finish(ulong hash)
    {
        hash ^= hash >> 33;
        hash *= 0xff51afd7ed558ccd;
        hash ^= hash >> 33;
        return hash;
    }
}
