using System.Buffers.Binary;
using System.Text;

namespace Passerelle.Core.TravelDocuments;

/// <summary>
/// Reads PostgreSQL's binary COPY format in place, from the bytes as they arrive: a header, then rows of the five
/// columns <see cref="RegisterCopy"/> asks for, then a trailer. Each row's text is decoded onto the stack and hashed
/// there, so ten million rows make no string at all.
/// </summary>
internal sealed class RegisterCopyRows(ScreeningLoadPart part)
{
    private const int Columns = 5;
    private const int HeaderLength = 19;

    /// <summary>Day zero of PostgreSQL's dates, 2000-01-01.</summary>
    private static readonly int Epoch = new DateOnly(2000, 1, 1).DayNumber;

    private static readonly byte[] Signature = [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y',
        (byte)'\n', 0xFF, (byte)'\r', (byte)'\n', 0];

    private bool headed;
    private byte[] lastType = [];
    private DocumentType lastParsed;

    /// <summary>Whether the trailer has been read: the COPY is whole.</summary>
    public bool Ended { get; private set; }

    /// <summary>Reads every whole row at the start of <paramref name="data"/>.</summary>
    /// <returns>How many bytes were read: the rest begins a row still on its way.</returns>
    public int Take(ReadOnlySpan<byte> data)
    {
        var at = 0;
        if (!headed)
        {
            if (data.Length < HeaderLength)
            {
                return 0;
            }

            if (!data[..Signature.Length].SequenceEqual(Signature))
            {
                throw new InvalidDataException("The register's COPY does not begin with PostgreSQL's binary header.");
            }

            var extension = BinaryPrimitives.ReadInt32BigEndian(data[15..]);
            if (data.Length < HeaderLength + extension)
            {
                return 0;
            }

            at = HeaderLength + extension;
            headed = true;
        }

        while (!Ended && at < data.Length && TryRow(data[at..], out var length))
        {
            at += length;
        }

        return at;
    }

    private bool TryRow(ReadOnlySpan<byte> data, out int length)
    {
        length = 0;
        if (data.Length < 2)
        {
            return false;
        }

        var columns = BinaryPrimitives.ReadInt16BigEndian(data);
        if (columns == -1)
        {
            Ended = true;
            length = 2;
            return true;
        }

        if (columns != Columns)
        {
            throw new InvalidDataException($"The register's COPY sent a row of {columns} columns, not {Columns}.");
        }

        Span<Range> fields = stackalloc Range[Columns];
        var offset = 2;
        for (var i = 0; i < Columns; i++)
        {
            if (data.Length < offset + 4)
            {
                return false;
            }

            var size = BinaryPrimitives.ReadInt32BigEndian(data[offset..]);
            if (size < 0)
            {
                throw new InvalidDataException("The register's COPY sent a null in a column that has none.");
            }

            offset += 4;
            if (data.Length < offset + size)
            {
                return false;
            }

            fields[i] = offset..(offset + size);
            offset += size;
        }

        Add(data[fields[0]], data[fields[1]], data[fields[2]], data[fields[3]], data[fields[4]]);
        length = offset;
        return true;
    }

    private void Add(
        ReadOnlySpan<byte> number, ReadOnlySpan<byte> state, ReadOnlySpan<byte> type, ReadOnlySpan<byte> review,
        ReadOnlySpan<byte> owner)
    {
        if (review.Length != 4 || owner.Length != 16 || number.Length + state.Length > 256)
        {
            throw new InvalidDataException("The register's COPY sent a row of another shape than the one asked for.");
        }

        Span<char> text = stackalloc char[number.Length + state.Length];
        var numberLength = Encoding.UTF8.GetChars(number, text);
        var stateLength = Encoding.UTF8.GetChars(state, text[numberLength..]);
        part.Add(text[..numberLength], text.Slice(numberLength, stateLength), Type(type),
            new Guid(owner, bigEndian: true), Day(BinaryPrimitives.ReadInt32BigEndian(review)));
    }

    /// <summary>Nearly every row has the type of the row before: it is parsed again only when it changes.</summary>
    private DocumentType Type(ReadOnlySpan<byte> type)
    {
        if (!type.SequenceEqual(lastType))
        {
            lastParsed = Enum.Parse<DocumentType>(Encoding.UTF8.GetString(type));
            lastType = type.ToArray();
        }

        return lastParsed;
    }

    /// <summary>PostgreSQL's 'infinity' and '-infinity' dates are the furthest days a DateOnly holds.</summary>
    private static int Day(int postgres) => postgres switch
    {
        int.MaxValue => DateOnly.MaxValue.DayNumber,
        int.MinValue => DateOnly.MinValue.DayNumber,
        _ => Epoch + postgres,
    };
}
