using System.Globalization;

namespace Passerelle.Core.Common;

/// <summary>Why <see cref="CsvRecords"/> reports a record: each names the fault and how its writer mends it.</summary>
internal static class CsvMessages
{
    public static readonly string Overlong = string.Create(
        CultureInfo.InvariantCulture,
        $"A field is longer than {CsvRecords.MaxFieldLength} characters; is a quote left open?");

    public const string TextAfterQuote =
        "Text follows the closing quote of a field; double a quote inside a quoted field.";

    public const string StrayQuote =
        "A quote inside a field that does not start with one; put the field in quotes and double it.";

    public const string BareCarriageReturn =
        "A carriage return is not followed by a line feed; lines end with CRLF or LF, and a field holding a line "
        + "break is put in quotes.";

    public const string Unclosed = "A quoted field is not closed before the end of the file.";
}
