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

    /// <summary>
    /// The line the next record starts on. <see cref="CsvSpanReader"/> splits most records itself and sets it before
    /// handing this one the next record it cannot split.
    /// </summary>
    public int Line
    {
        get => line;
        set => line = start = value;
    }

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
                error ??= CsvMessages.TextAfterQuote;
            }
        }

        if (pendingCarriageReturn)
        {
            pendingCarriageReturn = false;
            if (c != '\n')
            {
                // RFC 4180 ends lines with CRLF; dropping a lone CR silently would join what its writer kept apart.
                error ??= CsvMessages.BareCarriageReturn;
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
                error ??= CsvMessages.StrayQuote;
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
            error ??= CsvMessages.BareCarriageReturn;
            any = true;
        }
        else if (quoted && !pendingQuote)
        {
            error ??= CsvMessages.Unclosed;
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
            error = CsvMessages.Overlong;
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
        ? CsvMessages.Overlong
        : string.Create(
            CultureInfo.InvariantCulture,
            $"{CsvMessages.Overlong} Lines {start} to {line} were read as this one record.");

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
