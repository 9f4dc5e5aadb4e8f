using System.Globalization;
using System.Text;
using System.Text.Json;
using Passerelle.Core.Common;

namespace Passerelle.Core.Trust.Audit;

/// <summary>Writes audit entries as JSON Lines or RFC 4180 CSV, one entry at a time.</summary>
public static class AuditExport
{
    public static readonly string[] Formats = ["jsonl", "csv"];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly string[] Columns =
    [
        "sequence", "occurredAt", "eventCode", "operation", "outcome", "login", "agencyCode", "tokenId", "target",
        "purpose", "details", "source", "hash",
    ];

    public static bool IsKnown(string? format) => Formats.Contains(format, StringComparer.Ordinal);

    public static string ContentType(string format) =>
        format == "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson";

    public static async Task WriteAsync(
        IAsyncEnumerable<AuditView> entries, string format, TextWriter output, CancellationToken ct)
    {
        if (format == "csv")
        {
            await output.WriteAsync(string.Join(',', Columns) + "\r\n");
        }

        await foreach (var e in entries.WithCancellation(ct))
        {
            await output.WriteAsync(format == "csv" ? CsvLine(e) : JsonSerializer.Serialize(e, Json) + "\n");
        }

        await output.FlushAsync(ct);
    }

    private static string CsvLine(AuditView e)
    {
        string?[] values =
        [
            e.Sequence.ToString(CultureInfo.InvariantCulture),
            e.OccurredAt.ToString("O", CultureInfo.InvariantCulture),
            e.EventCode.ToString(CultureInfo.InvariantCulture),
            e.Operation, e.Outcome, e.Login, e.AgencyCode, e.TokenId?.ToString(), e.Target, e.Purpose, e.Details,
            e.Source, e.Hash,
        ];
        var line = new StringBuilder();
        for (var i = 0; i < values.Length; i++)
        {
            if (i > 0)
            {
                line.Append(',');
            }

            line.Append(Csv.Quote(values[i]));
        }

        return line.Append("\r\n").ToString();
    }
}
