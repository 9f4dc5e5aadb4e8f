namespace Passerelle.Core.Common;

/// <summary>
/// One CSV record and the line it starts on, counting the header as line 1; <see cref="Error"/> says how the record
/// breaks RFC 4180, if it does, so a reader reports the line instead of taking a guess at its fields.
/// </summary>
public sealed record CsvRow(int Line, IReadOnlyList<string> Fields, string? Error = null);

/// <summary>
/// RFC 4180 CSV: comma-separated, fields optionally in double quotes, quotes doubled inside them, CRLF or LF line
/// ends. Read one record at a time, so a large file never sits in memory; a field is cut at
/// <see cref="CsvRecords.MaxFieldLength"/> characters so that one record cannot fill it either.
/// </summary>
public static class Csv
{
    public static async IAsyncEnumerable<CsvRow> ReadAsync(
        TextReader reader, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        var records = new CsvRecords();
        var buffer = new char[8192];
        int read;
        while ((read = await reader.ReadAsync(buffer, ct)) > 0)
        {
            for (var i = 0; i < read; i++)
            {
                if (records.Add(buffer[i]) is { } row)
                {
                    yield return row;
                }
            }
        }

        if (records.End() is { } last)
        {
            yield return last;
        }
    }

    /// <summary>
    /// One cell as every CSV writer writes it: defused (see <see cref="Defuse"/>) and quoted as RFC 4180 asks. A
    /// defused cell is always quoted, so a spreadsheet takes it whole as text.
    /// </summary>
    public static string Quote(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        var defused = Defuse(value);
        return !ReferenceEquals(defused, value) || defused.AsSpan().IndexOfAny(",\"\r\n") >= 0
            ? $"\"{defused.Replace("\"", "\"\"", StringComparison.Ordinal)}\""
            : defused;
    }

    /// <summary>
    /// A spreadsheet runs a cell that starts with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return
    /// as a formula, so a name or a note could attack whoever opens an export (OWASP "CSV injection"). Such a cell
    /// gets a leading <c>'</c>. So that <see cref="Undefuse(string)"/> can always tell our quote from the user's, a
    /// value that already starts with quotes before one of those characters gets one more.
    /// </summary>
    public static string Defuse(string value) => NeedsQuote(value, 0) ? "'" + value : value;

    /// <summary>Undoes <see cref="Defuse"/>: what a reader of our own exports calls on each cell.</summary>
    public static string Undefuse(string value) =>
        value.Length > 1 && value[0] == '\'' && NeedsQuote(value, 1) ? value[1..] : value;

    /// <inheritdoc cref="Undefuse(string)"/>
    public static ReadOnlySpan<char> Undefuse(ReadOnlySpan<char> value) =>
        value.Length > 1 && value[0] == '\'' && NeedsQuote(value, 1) ? value[1..] : value;

    private static bool NeedsQuote(ReadOnlySpan<char> value, int from)
    {
        var i = from;
        while (i < value.Length && value[i] == '\'')
        {
            i++;
        }

        return i < value.Length && value[i] is '=' or '+' or '-' or '@' or '\t' or '\r';
    }
}
