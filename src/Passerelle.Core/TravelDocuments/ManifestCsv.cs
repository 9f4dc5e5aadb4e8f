using Passerelle.Core.Common;

namespace Passerelle.Core.TravelDocuments;

/// <summary>
/// A passenger manifest as CSV: a header line naming <c>documentNumber</c>, <c>issuingState</c>,
/// <c>documentType</c> or <c>mrz</c>, then one traveller a line. Reading stops one item past the batch limit, so an
/// oversized manifest is refused without being read whole.
/// </summary>
public static class ManifestCsv
{
    public static async Task<Result<IReadOnlyList<(int Line, ScreenItem Item)>>> ReadAsync(
        TextReader reader, CancellationToken ct)
    {
        var rows = new List<(int, ScreenItem)>();
        string[]? header = null;
        await foreach (var row in Csv.ReadAsync(reader, ct))
        {
            if (row.Error is not null)
            {
                return TravelDocumentErrors.ManifestCsv.With($"Line {row.Line}: {row.Error}", "manifest");
            }

            if (header is null)
            {
                header = [.. row.Fields.Select(f => f.Trim().ToLowerInvariant())];
                if (!header.Contains("mrz") && !header.Contains("documentnumber"))
                {
                    break;
                }

                continue;
            }

            string? Field(string name) =>
                Array.IndexOf(header, name) is var i and >= 0 && i < row.Fields.Count && row.Fields[i].Length > 0
                    ? row.Fields[i]
                    : null;
            rows.Add((row.Line, new ScreenItem(
                Field("mrz"), Field("documentnumber"), Field("issuingstate"), Field("documenttype"))));
            if (rows.Count > ScreenDocuments.MaxBatch)
            {
                break;
            }
        }

        if (header is null || (!header.Contains("mrz") && !header.Contains("documentnumber")))
        {
            return TravelDocumentErrors.ManifestHeader.With(
                "Line 1 names the columns: documentNumber, issuingState, documentType, or mrz.", "manifest");
        }

        return rows;
    }
}
