using System.Globalization;
using Passerelle.Core.Common;

namespace Passerelle.Core.TravelDocuments;

/// <summary>
/// The register's CSV form, shared by import and export so an export imports back unchanged: text cells are written
/// through <see cref="Csv.Quote"/>, defused for spreadsheets, and read back through <see cref="Csv.Undefuse"/>.
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

    /// <summary>Column positions by name, or the first required column that is missing.</summary>
    public static (Dictionary<string, int>? Positions, string? Missing) Map(IReadOnlyList<string> header)
    {
        var positions = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Count; i++)
        {
            positions.TryAdd(header[i].Trim(), i);
        }

        var missing = Required.FirstOrDefault(c => !positions.ContainsKey(c));
        return missing is null ? (positions, null) : (null, missing);
    }

    /// <summary>A row as a registration, or why it cannot be one.</summary>
    public static (RegisterDocumentRequest? Request, string? Problem) Read(
        CsvRow row, Dictionary<string, int> positions)
    {
        // Undone before trimming, so a defused cell reads exactly as the raw value did before exports were defused.
        string? Text(string column) =>
            positions.TryGetValue(column, out var i) && i < row.Fields.Count && Csv.Undefuse(row.Fields[i]) is var text
                && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;

        var problems = new List<string>();
        DateOnly? Date(string column)
        {
            var text = Text(column);
            if (text is null)
            {
                return null;
            }

            if (DateOnly.TryParseExact(
                text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }

            problems.Add($"{column} '{text}' is not a date such as 2026-11-26");
            return null;
        }

        var request = new RegisterDocumentRequest(
            Text("documentNumber"), Text("issuingState"), Text("documentType"), Text("status"),
            Date("issuedOn"), Date("expiresOn"), Date("reportedOn"), Date("theftOrLossOn"),
            Text("nationalReference"), Date("reviewOn"), Text("remarks"), Text("holderName"), Date("holderBirthDate"));
        return problems.Count == 0 ? (request, null) : (null, string.Join("; ", problems));
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
