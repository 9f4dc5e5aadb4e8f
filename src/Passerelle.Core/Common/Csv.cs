using System.Text;

namespace Passerelle.Core.Common;

/// <summary>
/// One CSV record and the line it starts on, counting the header as line 1; <see cref="Error"/> says how the record
/// breaks RFC 4180, if it does, so a reader reports the line instead of taking a guess at its fields.
/// </summary>
public sealed record CsvRow(int Line, IReadOnlyList<string> Fields, string? Error = null);

/// <summary>
/// RFC 4180 CSV: comma-separated, fields optionally in double quotes, quotes doubled inside them, CRLF or LF line
/// ends. Read one record at a time, so a large file never sits in memory.
/// </summary>
public static class Csv
{
    public static async IAsyncEnumerable<CsvRow> ReadAsync(TextReader reader, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var start = 1;
        var quoted = false;
        var any = false;
        var buffer = new char[8192];
        int read;
        var pendingQuote = false;
        string? error = null;
        while ((read = await reader.ReadAsync(buffer, ct)) > 0)
        {
            for (var i = 0; i < read; i++)
            {
                var c = buffer[i];
                if (pendingQuote)
                {
                    pendingQuote = false;
                    if (c == '"')
                    {
                        field.Append('"');
                        continue;
                    }

                    quoted = false;
                    if (c is not (',' or '\r' or '\n'))
                    {
                        error ??= "Text follows the closing quote of a field; double a quote inside a quoted field.";
                    }
                }

                if (quoted)
                {
                    if (c == '"')
                    {
                        pendingQuote = true;
                    }
                    else
                    {
                        if (c == '\n')
                        {
                            line++;
                        }

                        field.Append(c);
                    }

                    continue;
                }

                switch (c)
                {
                    case '"' when field.Length == 0:
                        quoted = true;
                        any = true;
                        break;
                    case '"':
                        error ??= "A quote inside a field that does not start with one; put the field in quotes and double it.";
                        field.Append(c);
                        break;
                    case ',':
                        fields.Add(field.ToString());
                        field.Clear();
                        any = true;
                        break;
                    case '\r':
                        break;
                    case '\n':
                        if (any || field.Length > 0)
                        {
                            fields.Add(field.ToString());
                            yield return new CsvRow(start, [.. fields], error);
                        }

                        fields.Clear();
                        field.Clear();
                        any = false;
                        error = null;
                        line++;
                        start = line;
                        break;
                    default:
                        field.Append(c);
                        any = true;
                        break;
                }
            }
        }

        if (quoted && !pendingQuote)
        {
            error ??= "A quoted field is not closed before the end of the file.";
        }

        if (any || field.Length > 0)
        {
            fields.Add(field.ToString());
            yield return new CsvRow(start, [.. fields], error);
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
    /// gets a leading <c>'</c>. So that <see cref="Undefuse"/> can always tell our quote from the user's, a value
    /// that already starts with quotes before one of those characters gets one more.
    /// </summary>
    public static string Defuse(string value) => NeedsQuote(value, 0) ? "'" + value : value;

    /// <summary>Undoes <see cref="Defuse"/>: what a reader of our own exports calls on each cell.</summary>
    public static string Undefuse(string value) => value.Length > 1 && value[0] == '\'' && NeedsQuote(value, 1) ? value[1..] : value;

    private static bool NeedsQuote(string value, int from)
    {
        var i = from;
        while (i < value.Length && value[i] == '\'')
        {
            i++;
        }

        return i < value.Length && value[i] is '=' or '+' or '-' or '@' or '\t' or '\r';
    }
}
