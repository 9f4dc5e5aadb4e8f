using System.Globalization;
using System.Text;

namespace Passerelle.Core.Common;

/// <summary>
/// The state of <see cref="Csv.ReadAsync"/> between characters, fed one at a time, so that a record, a quote pair or
/// a CRLF may straddle two reads.
/// </summary>
internal sealed class CsvRecords
{
    /// <summary>
    /// The longest field kept, in characters. An unclosed quote would otherwise pull the rest of an import, however
    /// large, into one field; past this the field is cut and the record reported, so memory stays bounded.
    /// </summary>
    public const int MaxFieldLength = 64 * 1024;

    public static readonly string Overlong = string.Create(
        CultureInfo.InvariantCulture, $"A field is longer than {MaxFieldLength} characters; is a quote left open?");

    private const string TextAfterQuote =
        "Text follows the closing quote of a field; double a quote inside a quoted field.";

    private const string StrayQuote =
        "A quote inside a field that does not start with one; put the field in quotes and double it.";

    private const string BareCarriageReturn =
        "A carriage return is not followed by a line feed; lines end with CRLF or LF, and a field holding a line "
        + "break is put in quotes.";

    private const string Unclosed = "A quoted field is not closed before the end of the file.";

    private readonly List<string> fields = [];
    private readonly StringBuilder field = new();
    private int line = 1;
    private int start = 1;
    private bool quoted;
    private bool any;
    private string? error;

    // A quote inside a quoted field: its end, or the first of a doubled pair, as the next character tells.
    private bool pendingQuote;

    // A CR outside quotes: half of a CRLF, or a bare CR, as the next character tells.
    private bool pendingCarriageReturn;

    // A quoted field grew past the limit: what follows, up to the next line feed, is dropped.
    private bool skipping;

    /// <summary>The record this character completes, if it does.</summary>
    public CsvRow? Add(char c)
    {
        if (skipping)
        {
            return c == '\n' ? Resynchronise() : null;
        }

        if (pendingQuote)
        {
            pendingQuote = false;
            if (c == '"')
            {
                return AppendQuoted(c);
            }

            quoted = false;
            if (c is not (',' or '\r' or '\n'))
            {
                error ??= TextAfterQuote;
            }
        }

        if (pendingCarriageReturn)
        {
            pendingCarriageReturn = false;
            if (c != '\n')
            {
                // RFC 4180 ends lines with CRLF; dropping a lone CR silently would join what its writer kept apart.
                error ??= BareCarriageReturn;
                any = true;
            }
        }

        if (quoted)
        {
            if (c == '"')
            {
                pendingQuote = true;
                return null;
            }

            return AppendQuoted(c);
        }

        switch (c)
        {
            case '"' when field.Length == 0:
                quoted = true;
                any = true;
                break;
            case '"':
                error ??= StrayQuote;
                Append(c);
                break;
            case ',':
                fields.Add(field.ToString());
                field.Clear();
                any = true;
                break;
            case '\r':
                pendingCarriageReturn = true;
                break;
            case '\n':
                return EndLine();
            default:
                Append(c);
                any = true;
                break;
        }

        return null;
    }

    /// <summary>The last record, when the text does not end with a line end.</summary>
    public CsvRow? End()
    {
        if (skipping)
        {
            error = Swallowed();
        }
        else if (pendingCarriageReturn)
        {
            error ??= BareCarriageReturn;
            any = true;
        }
        else if (quoted && !pendingQuote)
        {
            error ??= Unclosed;
        }

        return any || field.Length > 0 ? Record() : null;
    }

    private CsvRow? AppendQuoted(char c)
    {
        if (field.Length < MaxFieldLength)
        {
            line += c == '\n' ? 1 : 0;
            field.Append(c);
            return null;
        }

        // Most likely a quote left open: resume at the next line feed, which ends a record again once out of quotes.
        quoted = false;
        skipping = true;
        return c == '\n' ? Resynchronise() : null;
    }

    private void Append(char c)
    {
        if (field.Length < MaxFieldLength)
        {
            field.Append(c);
        }
        else
        {
            // Outside quotes the record still ends at the next line end; only this field's excess is dropped.
            error = Overlong;
        }
    }

    private CsvRow? Resynchronise()
    {
        skipping = false;
        error = Swallowed();
        return EndLine();
    }

    /// <summary>The overlong field's error, with the lines it swallowed that were never read as records.</summary>
    private string Swallowed() => line == start
        ? Overlong
        : string.Create(
            CultureInfo.InvariantCulture, $"{Overlong} Lines {start} to {line} were read as this one record.");

    private CsvRow? EndLine()
    {
        var row = any || field.Length > 0 ? Record() : null;
        fields.Clear();
        field.Clear();
        any = false;
        error = null;
        line++;
        start = line;
        return row;
    }

    private CsvRow Record()
    {
        fields.Add(field.ToString());
        return new CsvRow(start, [.. fields], error);
    }
}
