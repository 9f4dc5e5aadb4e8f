using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Passerelle.Core.Common;
using Passerelle.Core.TravelDocuments;
using Passerelle.Errors;
using Passerelle.Security;

namespace Passerelle.Api.Documents;

internal sealed record BatchRequest(string? Purpose, string? Location, IReadOnlyList<ScreenItem>? Items);

internal static class ScreeningApi
{
    /// <summary>A manifest of 10,000 MRZs is about 1 MB; the batch route takes up to 4 MiB.</summary>
    public const long BatchBodyBytes = 4 * 1024 * 1024;

    public static void MapScreeningApi(this IEndpointRouteBuilder api)
    {
        var screen = api.MapGroup("/documents/screen").WithTags("Screening");
        screen.MapPost("/", Screen).WithSummary("Screen one document, by MRZ or by number; purpose is required.");
        screen.MapPost("/batch", Batch).WithSummary("Screen a passenger manifest of up to 10,000 items, as JSON or as CSV (?purpose=...); results in the same order.")
            .WithMetadata(new RequestSizeLimitAttribute(BatchBodyBytes))
            .Accepts<BatchRequest>("application/json", "text/csv");
    }

    private static async Task<Results<Ok<ScreenResult>, ProblemHttpResult>> Screen(ScreenRequest request, HttpContext http, ScreenDocuments screen, CancellationToken ct)
    {
        var result = await screen.ScreenAsync(http.Actor(), request, ct);
        return result.Succeeded ? TypedResults.Ok(result.Value) : result.Error!.ToProblem();
    }

    private static async Task<Results<Ok<IReadOnlyList<ScreenResult>>, ProblemHttpResult>> Batch(
        string? purpose, string? location, HttpContext http, ScreenDocuments screen, CancellationToken ct)
    {
        var read = await ReadBatchAsync(http, purpose, location, ct);
        if (!read.Succeeded)
        {
            return read.Error!.ToProblem();
        }

        var batch = read.Value!;
        var result = await screen.ScreenBatchAsync(http.Actor(), batch.Purpose, batch.Location, batch.Items ?? [], ct);
        return result.Succeeded ? TypedResults.Ok(result.Value) : result.Error!.ToProblem();
    }

    private static async Task<Result<BatchRequest>> ReadBatchAsync(HttpContext http, string? purpose, string? location, CancellationToken ct)
    {
        var type = http.Request.ContentType ?? "";
        if (type.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase))
        {
            var items = new List<ScreenItem>();
            using var reader = new StreamReader(http.Request.Body);
            string[]? header = null;
            await foreach (var row in Csv.ReadAsync(reader, ct))
            {
                if (header is null)
                {
                    header = [.. row.Fields.Select(f => f.Trim().ToLowerInvariant())];
                    if (!header.Contains("mrz") && !header.Contains("documentnumber"))
                    {
                        return Error.Invalid("screen.csv-header", "The first line names the columns: documentNumber, issuingState, documentType, or mrz.", "body");
                    }

                    continue;
                }

                string? Field(string name) => Array.IndexOf(header, name) is var i and >= 0 && i < row.Fields.Count && row.Fields[i].Length > 0 ? row.Fields[i] : null;
                items.Add(new ScreenItem(Field("mrz"), Field("documentnumber"), Field("issuingstate"), Field("documenttype")));
                if (items.Count > ScreenDocuments.MaxBatch)
                {
                    break;
                }
            }

            return new BatchRequest(purpose, location, items);
        }

        if (!type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            throw new BadHttpRequestException("Send the manifest as application/json or text/csv.", StatusCodes.Status415UnsupportedMediaType);
        }

        try
        {
            var body = await http.Request.ReadFromJsonAsync<BatchRequest>(ct);
            return body ?? new BatchRequest(null, null, null);
        }
        catch (System.Text.Json.JsonException json)
        {
            throw new BadHttpRequestException("The body is not valid JSON.", StatusCodes.Status400BadRequest, json);
        }
    }
}
