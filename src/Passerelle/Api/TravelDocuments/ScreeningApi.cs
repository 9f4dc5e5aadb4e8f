using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Passerelle.Api.Contract;
using Passerelle.Core.Common;
using Passerelle.Core.Standards;
using Passerelle.Core.TravelDocuments;
using Passerelle.Errors;
using Passerelle.Security;

namespace Passerelle.Api.TravelDocuments;

internal sealed record BatchRequest(string? Purpose, string? Location, IReadOnlyList<ScreenItem>? Items);

internal static class ScreeningApi
{
    /// <summary>A manifest of 10,000 MRZs is about 1 MB; the batch route takes up to 4 MiB.</summary>
    public const long BatchBodyBytes = 4 * 1024 * 1024;

    /// <summary>
    /// What <see cref="ScreeningInput"/> refuses in an item: an MRZ that does not read, or a typed number, state or
    /// type that is not one. A batch answers these per item, in its results.
    /// </summary>
    private static readonly ErrorCode[] Item =
    [
        TravelDocumentErrors.ScreenNumber, TravelDocumentErrors.ScreenIssuingState, TravelDocumentErrors.ScreenType,
        .. MrzErrors.All,
    ];

    public static void MapScreeningApi(this IEndpointRouteBuilder api)
    {
        // One screening or many, the purpose and the location are checked first.
        var screen = api.MapGroup("/documents/screen").WithTags("Screening").WithMetadata(ScreeningRoute.Marker)
            .ProducesErrors(TravelDocumentErrors.ScreenPurpose, TravelDocumentErrors.ScreenLocation);
        screen.MapPost("/", Screen).Documented("ScreenDocument", "Screen a document",
            "One document, by MRZ or by number (issuing state and type optional), with its purpose (required) and "
            + "location. The register answers `hit`, `possible` or `clear`, with the matches and what the MRZ says "
            + "of itself; a hit tells the owner agency. Officers, investigators and coordinators "
            + "(`documents:screen`); a `documents:screen-minimal` token (an airline) gets the result alone. Audited "
            + "as a consultation before it is answered.")
            .ProducesErrors(Item);
        screen.MapPost("/batch", Batch).Documented("ScreenManifest", "Screen a passenger manifest",
            "Up to 10,000 items, as JSON (`{\"purpose\", \"items\"}`) or as CSV with `?purpose=`, in at most 4 MiB; "
            + "the results in the same order. The same callers and audit as one screening.")
            .WithMetadata(new RequestSizeLimitAttribute(BatchBodyBytes))
            .Accepts<BatchRequest>("application/json", "text/csv")
            .ProducesErrors(HttpErrors.UnsupportedMediaType, HttpErrors.MalformedJson)
            .ProducesErrors(
                TravelDocumentErrors.ScreenBatchSize, TravelDocumentErrors.ManifestCsv,
                TravelDocumentErrors.ManifestHeader);
    }

    private static Task<Results<Ok<ScreenResult>, ProblemHttpResult>> Screen(
        ScreenRequest request, HttpContext http, ScreenDocuments screen, CancellationToken ct) =>
        screen.ScreenAsync(http.Actor(), request, ct).ToOkAsync();

    private static async Task<Results<Ok<IReadOnlyList<ScreenResult>>, ProblemHttpResult>> Batch(
        string? purpose, string? location, HttpContext http, ScreenDocuments screen, CancellationToken ct)
    {
        var read = await ReadBatchAsync(http, purpose, location, ct);
        if (!read.Succeeded)
        {
            return read.Error.ToProblem();
        }

        var batch = read.Value;
        var result = await screen.ScreenBatchAsync(http.Actor(), batch.Purpose, batch.Location, batch.Items ?? [], ct);
        return result.ToOk();
    }

    private static async Task<Result<BatchRequest>> ReadBatchAsync(
        HttpContext http, string? purpose, string? location, CancellationToken ct)
    {
        var type = http.Request.ContentType ?? "";
        if (type.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase))
        {
            using var reader = new StreamReader(http.Request.Body);
            var manifest = await ManifestCsv.ReadAsync(reader, ct);
            return manifest.Succeeded
                ? new BatchRequest(purpose, location, [.. manifest.Value.Select(r => r.Item)])
                : manifest.Error;
        }

        if (!type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            throw new BadHttpRequestException(
                "Send the manifest as application/json or text/csv.", StatusCodes.Status415UnsupportedMediaType);
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
