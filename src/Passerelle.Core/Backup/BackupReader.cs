using System.Formats.Tar;
using System.Security.Cryptography;
using Passerelle.Core.Common;

namespace Passerelle.Core.Backup;

/// <summary>
/// Reads an archive of <see cref="BackupFormat"/> without trusting it: each member's type and name are checked
/// before its content is touched, and every byte is counted and hashed against the manifest.
/// </summary>
internal static class BackupReader
{
    /// <summary>The first pass: checks every member against the manifest and writes nothing anywhere.</summary>
    public static async Task<Result<BackupManifest>> VerifyAsync(string archive, CancellationToken ct)
    {
        var found = new Dictionary<string, (long Bytes, string Sha256)>(StringComparer.Ordinal);
        byte[]? json = null;
        var error = await EachAsync(archive, async (name, content, length) =>
        {
            if (name == BackupFormat.Manifest)
            {
                if (length > BackupFormat.MaxManifestBytes)
                {
                    return BackupErrors.Manifest("is far larger than any backup writes");
                }

                using var buffer = new MemoryStream();
                var (read, _) = await CopyAsync(content, buffer, ct);
                json = buffer.ToArray();
                return read == length ? null : BackupErrors.Truncated(name);
            }

            var (bytes, sha256) = await CopyAsync(content, null, ct);
            found[name] = (bytes, sha256);
            return bytes == length ? null : BackupErrors.Truncated(name);
        }, ct);
        if (error is not null)
        {
            return error;
        }

        if (json is null)
        {
            return BackupErrors.Manifest(
                $"({BackupFormat.Manifest}) is missing: this is not a Passerelle backup, or it was cut short");
        }

        return BackupManifestCheck.Check(json, found);
    }

    /// <summary>
    /// The second pass: writes each member to its staged place, counting and hashing it again, since the archive
    /// may have changed since it was verified. <paramref name="blobFolder"/> is a folder of the restore's own.
    /// </summary>
    public static async Task<Result<int>> ExtractAsync(
        string archive, BackupManifest manifest, string database, string blobFolder, CancellationToken ct)
    {
        var expected = manifest.Members.ToDictionary(m => m.Name, StringComparer.Ordinal);
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(blobFolder)) + Path.DirectorySeparatorChar;
        var written = 0;
        var error = await EachAsync(archive, async (name, content, _) =>
        {
            if (name == BackupFormat.Manifest)
            {
                return null;
            }

            var path = name == BackupFormat.Database
                ? database
                : Path.GetFullPath(Path.Combine(root, name[(BackupFormat.BlobFolder.Length + 1)..]));
            if (!expected.TryGetValue(name, out var member)
                || (path != database && !path.StartsWith(root, StringComparison.Ordinal)))
            {
                return BackupErrors.Checksum(
                    $"'{BackupErrors.Shown(name)}' was not in the archive when it was checked");
            }

            OwnerOnly.CreateFolder(Path.GetDirectoryName(path)!);
            await using var file = OwnerOnly.Create(path);
            var (bytes, sha256) = await CopyAsync(content, file, ct);
            written++;
            return bytes == member.Bytes && sha256 == member.Sha256
                ? null
                : BackupErrors.Checksum($"'{BackupErrors.Shown(name)}' changed since the archive was checked");
        }, ct);
        if (error is not null)
        {
            return error;
        }

        return written == expected.Count
            ? expected.Count - 1
            : BackupErrors.Checksum("members went missing since the archive was checked");
    }

    /// <summary>Each member in turn; a member of another type, name or seen twice stops the reading.</summary>
    private static async Task<Error?> EachAsync(
        string archive, Func<string, Stream, long, Task<Error?>> member, CancellationToken ct)
    {
        var shown = Path.GetFileName(archive);
        try
        {
            await using var file = File.OpenRead(archive);
            await using var tar = new TarReader(file);
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            while (await tar.GetNextEntryAsync(copyData: false, ct) is { } entry)
            {
                if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile))
                {
                    return BackupErrors.MemberType(entry.Name, Describe(entry.EntryType));
                }

                if (!BackupFormat.IsMemberName(entry.Name))
                {
                    return BackupErrors.MemberName(entry.Name);
                }

                // Names differing only in case would land on one file where the file system ignores case.
                if (!seen.Add(entry.Name))
                {
                    return BackupErrors.Duplicate(entry.Name);
                }

                if (await member(entry.Name, entry.DataStream ?? Stream.Null, entry.Length) is { } error)
                {
                    return error;
                }
            }

            return null;
        }
        catch (EndOfStreamException)
        {
            return BackupErrors.Unreadable(
                shown, "it ends in the middle of a header; it was cut short or is no tar file");
        }
        catch (Exception ex)
            when (ex is InvalidDataException or FormatException or ArgumentException or OverflowException)
        {
            return BackupErrors.Unreadable(shown, $"its structure is damaged ({ex.Message.TrimEnd('.')})");
        }
    }

    private static async Task<(long Bytes, string Sha256)> CopyAsync(
        Stream source, Stream? destination, CancellationToken ct)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, ct)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            if (destination is not null)
            {
                await destination.WriteAsync(buffer.AsMemory(0, read), ct);
            }

            total += read;
        }

        return (total, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    private static string Describe(TarEntryType type) => type switch
    {
        TarEntryType.SymbolicLink => "symbolic link",
        TarEntryType.HardLink => "hard link",
        TarEntryType.Directory => "directory",
        TarEntryType.CharacterDevice or TarEntryType.BlockDevice => "device",
        TarEntryType.Fifo => "named pipe",
        _ => $"tar entry of type '{(char)type}'",
    };
}
