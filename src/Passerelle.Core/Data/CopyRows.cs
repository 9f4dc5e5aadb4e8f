using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using Npgsql;

namespace Passerelle.Core.Data;

/// <summary>
/// Rows in PostgreSQL's binary COPY format, written into one buffer: the header, each row's field count and fields,
/// then the trailer. Npgsql's importer binds a parameter and resolves a converter for every value; at two dozen values
/// a record that cost an import more CPU than PostgreSQL spent storing the rows. This writes each value's bytes as
/// PostgreSQL reads them: big-endian, each field after its length, -1 for null. Imports and the audit writer use it.
/// </summary>
internal sealed class CopyRows
{
    /// <summary>Day zero and time zero of PostgreSQL's dates and timestamps: 2000-01-01, UTC.</summary>
    private static readonly int EpochDay = new DateOnly(2000, 1, 1).DayNumber;

    private static readonly long EpochTicks = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;

    private static readonly byte[] Header =
        [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xFF, (byte)'\r', (byte)'\n', 0,
            0, 0, 0, 0, 0, 0, 0, 0];

    private readonly ArrayBufferWriter<byte> buffer;

    public CopyRows(int capacity)
    {
        buffer = new ArrayBufferWriter<byte>(Math.Max(capacity, 64));
        buffer.Write(Header);
    }

    public void Row(short fields) => BinaryPrimitives.WriteInt16BigEndian(Take(2), fields);

    public void Null() => BinaryPrimitives.WriteInt32BigEndian(Take(4), -1);

    public void Uuid(Guid value)
    {
        var span = Take(20);
        BinaryPrimitives.WriteInt32BigEndian(span, 16);
        value.TryWriteBytes(span[4..], bigEndian: true, out _);
    }

    public void Int(int value)
    {
        var span = Take(8);
        BinaryPrimitives.WriteInt32BigEndian(span, 4);
        BinaryPrimitives.WriteInt32BigEndian(span[4..], value);
    }

    public void Long(long value)
    {
        var span = Take(12);
        BinaryPrimitives.WriteInt32BigEndian(span, 8);
        BinaryPrimitives.WriteInt64BigEndian(span[4..], value);
    }

    public void Uuid(Guid? value)
    {
        if (value is { } id)
        {
            Uuid(id);
        }
        else
        {
            Null();
        }
    }

    /// <summary>
    /// A date; the first and last days .NET has are stored as <c>-infinity</c> and <c>infinity</c>, as Npgsql stores
    /// them everywhere else, so one value never has two forms in a table.
    /// </summary>
    public void Date(DateOnly? value)
    {
        switch (value)
        {
            case null:
                Null();
                break;
            case var day when day == DateOnly.MaxValue:
                Int(int.MaxValue);
                break;
            case var day when day == DateOnly.MinValue:
                Int(int.MinValue);
                break;
            case { } day:
                Int(day.DayNumber - EpochDay);
                break;
        }
    }

    /// <summary>A UTC time as <c>timestamptz</c>: microseconds since time zero, cut as Npgsql cuts them.</summary>
    public void Time(DateTime utc)
    {
        if (utc.Kind != DateTimeKind.Utc)
        {
            throw new ArgumentException($"A timestamptz is written from UTC, not from a {utc.Kind} time.", nameof(utc));
        }

        Long((utc.Ticks - EpochTicks) / TimeSpan.TicksPerMicrosecond);
    }

    public void Text(string? value)
    {
        if (value is null)
        {
            Null();
            return;
        }

        var span = buffer.GetSpan(4 + Encoding.UTF8.GetMaxByteCount(value.Length));
        var length = Encoding.UTF8.GetBytes(value, span[4..]);
        BinaryPrimitives.WriteInt32BigEndian(span, length);
        buffer.Advance(4 + length);
    }

    /// <summary>Text already in UTF-8, such as a name every row shares.</summary>
    public void Text(ReadOnlySpan<byte> utf8)
    {
        var span = Take(4 + utf8.Length);
        BinaryPrimitives.WriteInt32BigEndian(span, utf8.Length);
        utf8.CopyTo(span[4..]);
    }

    /// <summary>Ends the rows with the trailer; the bytes to send.</summary>
    public ReadOnlyMemory<byte> Finish()
    {
        BinaryPrimitives.WriteInt16BigEndian(Take(2), -1);
        return buffer.WrittenMemory;
    }

    /// <summary>
    /// Ends the rows and sends them by <paramref name="copy"/>. PostgreSQL's own refusal (a trigger, a constraint)
    /// comes back as the COPY ends; a send that fails half-way cancels the COPY, so the caller sees that failure, not
    /// one from finishing a COPY whose rows never all arrived.
    /// </summary>
    public async Task SendAsync(NpgsqlConnection connection, string copy, CancellationToken ct)
    {
        var rows = Finish();
        await using var stream = await connection.BeginRawBinaryCopyAsync(copy, ct);
        try
        {
            await stream.WriteAsync(rows, ct);
        }
        catch
        {
            await stream.CancelAsync();
            throw;
        }
    }

    private Span<byte> Take(int length)
    {
        var span = buffer.GetSpan(length)[..length];
        buffer.Advance(length);
        return span;
    }
}
