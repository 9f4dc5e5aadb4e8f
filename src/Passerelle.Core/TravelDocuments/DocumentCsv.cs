using System.Globalization;
using Passerelle.Core.Common;

namespace Passerelle.Core.TravelDocuments;

/// <summary>
/// The register's CSV form, shared by import and export so an export imports back unchanged: text cells are written
/// through <see cref="Csv.Quote"/>, defused for spreadsheets, and read back through <see cref="Csv.Undefuse(string)"/>.
/// </summary>
public static class DocumentCsv
{
    public static readonly string[] Columns =
    [
        "documentNumber", "issuingState", "documentType", "status", "issuedOn", "expiresOn", "reportedOn",
        "theftOrLossOn", "nationalReference", "reviewOn", "remarks", "holderName", "holderBirthDate",
    ];

    public static readonly string[] Required = ["documentNumber", "issuingState", "documentType", "status"];

    public static string Header => string.Join(',', Columns);

    /// <summary>
    /// Where each of <see cref="Columns"/> stands in the file (-1 when absent; the first of two alike wins), or the
    /// first required column that is missing.
    /// </summary>
    public static (int[]? Positions, string? Missing) Map(CsvSpanReader header)
    {
        var positions = new int[Columns.Length];
        Array.Fill(positions, -1);
        for (var i = header.FieldCount - 1; i >= 0; i--)
        {
            var name = header[i].Trim();
            for (var column = 0; column < Columns.Length; column++)
            {
                if (name.Equals(Columns[column], StringComparison.OrdinalIgnoreCase))
                {
                    positions[column] = i;
                }
            }
        }

        var missing = Required.FirstOrDefault(c => positions[Array.IndexOf(Columns, c)] < 0);
        return missing is null ? (positions, null) : (null, missing);
    }

    /// <summary>The current row of <paramref name="row"/> as a registration, or why it cannot be one.</summary>
    public static (RegisterDocumentRequest? Request, string? Problem) Read(CsvSpanReader row, int[] positions)
    {
        List<string>? problems = null;
        var request = new RegisterDocumentRequest(
            Text(row, positions, 0), Text(row, positions, 1), Text(row, positions, 2), Text(row, positions, 3),
            Date(row, positions, 4, ref problems), Date(row, positions, 5, ref problems),
            Date(row, positions, 6, ref problems), Date(row, positions, 7, ref problems), Text(row, positions, 8),
            Date(row, positions, 9, ref problems), Text(row, positions, 10), Text(row, positions, 11),
            Date(row, positions, 12, ref problems));
        return problems is null ? (request, null) : (null, string.Join("; ", problems));
    }

    /// <summary>
    /// A cell with spreadsheet defusing undone before trimming, so a defused cell reads exactly as the raw value did
    /// before exports were defused; blank is absent.
    /// </summary>
    private static ReadOnlySpan<char> Cell(CsvSpanReader row, int[] positions, int column) =>
        positions[column] is var i && i >= 0 && i < row.FieldCount ? Csv.Undefuse(row[i]).Trim() : [];

    private static string? Text(CsvSpanReader row, int[] positions, int column) =>
        Cell(row, positions, column) is { IsEmpty: false } text ? text.ToString() : null;

    private static DateOnly? Date(CsvSpanReader row, int[] positions, int column, ref List<string>? problems)
    {
        var text = Cell(row, positions, column);
        if (text.IsEmpty)
        {
            return null;
        }

        if (IsoDay(text) is { } day)
        {
            return day;
        }

        if (DateOnly.TryParseExact(
            text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        (problems ??= []).Add($"{Columns[column]} '{text}' is not a date such as 2026-11-26");
        return null;
    }

    /// <summary>
    /// A plain yyyy-MM-dd day read by hand, a tenth of the time of the general parser; anything else, valid or not,
    /// is left to that parser.
    /// </summary>
    private static DateOnly? IsoDay(ReadOnlySpan<char> text)
    {
        if (text.Length != 10 || text[4] != '-' || text[7] != '-'
            || !int.TryParse(text[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(text[5..7], NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || !int.TryParse(text[8..], NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return null;
        }

        return new DateOnly(year, month, day);
    }

    public static string Write(TravelDocument d)
    {
        static string Day(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
        string[] values =
        [
            Csv.Quote(d.Number), Csv.Quote(d.IssuingState), d.Type.Name(), d.Status.Name(),
            Day(d.IssuedOn), Day(d.ExpiresOn), Day(d.ReportedOn), Day(d.TheftOrLossOn),
            Csv.Quote(d.NationalReference), Day(d.ReviewOn), Csv.Quote(d.Remarks), Csv.Quote(d.HolderName),
            Day(d.HolderBirthDate),
        ];
        return string.Join(',', values);
    }
}
