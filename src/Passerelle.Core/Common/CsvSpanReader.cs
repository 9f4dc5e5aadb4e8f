namespace Passerelle.Core.Common;

/// <summary>
/// Reads the records <see cref="Csv.ReadAsync"/> reads, with the same lines and errors, but hands out each field as a
/// span over its own buffer. A record with no quote and no carriage return but its CRLF, which is nearly every
/// record of a register export, is split in place with no string made; any other goes character by character
/// through <see cref="CsvRecords"/>, so the grammar and its messages stay in one place.
/// </summary>
public sealed class CsvSpanReader(TextReader reader)
{
    private const int ChunkSize = 64 * 1024;
    private static readonly System.Buffers.SearchValues<char> Unusual = System.Buffers.SearchValues.Create("\"\r");

    private readonly CsvRecords records = new();
    private readonly char[] buffer = new char[ChunkSize];
    private Range[] fields = new Range[16];
    private int start;
    private int end;
    private bool ended;
    private int nextLine = 1;
    private CsvRow? slow;

    /// <summary>The line the current record starts on, counting the first as 1.</summary>
    public int Line { get; private set; }

    /// <summary>How the current record breaks RFC 4180, if it does.</summary>
    public string? Error => slow?.Error;

    public int FieldCount { get; private set; }

    /// <summary>A field of the current record, valid until the next <see cref="ReadAsync"/>.</summary>
    public ReadOnlySpan<char> this[int index] =>
        slow is null ? buffer.AsSpan(fields[index]) : slow.Fields[index].AsSpan();

    /// <summary>Moves to the next record; false at the end of the text.</summary>
    public async ValueTask<bool> ReadAsync(CancellationToken ct)
    {
        while (true)
        {
            var newline = buffer.AsSpan(start, end - start).IndexOf('\n');
            if (newline < 0 && !ended && (start > 0 || end < buffer.Length))
            {
                await FillAsync(ct);
                continue;
            }

            if (newline < 0 && ended && start == end)
            {
                return false;
            }

            var record = newline < 0 ? buffer.AsSpan(start, end - start) : buffer.AsSpan(start, newline);
            if (newline >= 0 && record.EndsWith('\r'))
            {
                record = record[..^1];
            }

            if ((newline < 0 && !ended) || record.Length > CsvRecords.MaxFieldLength || record.ContainsAny(Unusual))
            {
                return await ReadSlowAsync(ct);
            }

            var at = start;
            start = newline < 0 ? end : start + newline + 1;
            if (record.IsEmpty)
            {
                // A blank line is no record, as RFC 4180 readers agree; it still counts as a line.
                nextLine++;
                continue;
            }

            Split(record, at);
            return true;
        }
    }

    private void Split(ReadOnlySpan<char> record, int at)
    {
        var count = record.Count(',') + 1;
        if (count > fields.Length)
        {
            fields = new Range[Math.Max(count, fields.Length * 2)];
        }

        var from = 0;
        for (var i = 0; i < count - 1; i++)
        {
            var comma = record[from..].IndexOf(',') + from;
            fields[i] = new Range(at + from, at + comma);
            from = comma + 1;
        }

        fields[count - 1] = new Range(at + from, at + record.Length);
        (FieldCount, Line, slow) = (count, nextLine++, null);
    }

    /// <summary>The next record, read by <see cref="CsvRecords"/> from the start of its line.</summary>
    private async ValueTask<bool> ReadSlowAsync(CancellationToken ct)
    {
        records.Line = nextLine;
        while (true)
        {
            while (start < end)
            {
                if (records.Add(buffer[start++]) is { } row)
                {
                    return Accept(row);
                }
            }

            if (ended)
            {
                return records.End() is { } last && Accept(last);
            }

            await FillAsync(ct);
        }
    }

    private bool Accept(CsvRow row)
    {
        (slow, Line, FieldCount, nextLine) = (row, row.Line, row.Fields.Count, records.Line);
        return true;
    }

    /// <summary>Keeps the unread text at the front of the buffer and reads more behind it.</summary>
    private async ValueTask FillAsync(CancellationToken ct)
    {
        if (start > 0)
        {
            buffer.AsSpan(start, end - start).CopyTo(buffer);
            (end, start) = (end - start, 0);
        }

        var read = await reader.ReadAsync(buffer.AsMemory(end), ct);
        end += read;
        ended = read == 0;
    }
}
