using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Passerelle.Api.Contract;
using Passerelle.Core.Common;
using Passerelle.Core.TravelDocuments;
using Passerelle.Errors;
using Passerelle.Security;

namespace Passerelle.Api.TravelDocuments;

internal static class DocumentsApi
{
    public const long ImportBodyBytes = 64 * 1024 * 1024;

    /// <summary>What <see cref="RegisterDocument.ValidateNew"/> checks of a new record's identity and status.</summary>
    private static readonly ErrorCode[] Identity =
    [
        TravelDocumentErrors.Number, TravelDocumentErrors.IssuingState, TravelDocumentErrors.Type,
        TravelDocumentErrors.Status, TravelDocumentErrors.HolderOnBlank, TravelDocumentErrors.ReportedOn,
    ];

    /// <summary>What <see cref="RegisterDocument.Validate"/> checks of the details a change may make too.</summary>
    private static readonly ErrorCode[] Details =
    [
        TravelDocumentErrors.Remarks, TravelDocumentErrors.Reference, TravelDocumentErrors.HolderName,
        TravelDocumentErrors.HolderBirthDate, TravelDocumentErrors.Dates, TravelDocumentErrors.TheftDate,
    ];

    public static void MapDocumentsApi(this IEndpointRouteBuilder api)
    {
        var documents = api.MapGroup("/documents").WithTags("Travel documents");
        documents.MapPost("/", Register).Documented("RegisterDocument", "Register a document",
            "A lost, stolen, revoked or invalid passport, identity card or visa, as a record of the caller's "
            + "agency. Coordinators and investigators (`documents:write`). Audited.")
            .ProducesErrors([.. Identity, .. Details, TravelDocumentErrors.Duplicate]);
        documents.MapGet("/", Search).Documented("FindDocuments", "Search the agency's records",
            "The caller's agency's own records by number, status and type, paged by `limit` and `offset`. "
            + "Coordinators and investigators (`documents:write`). Audited as a consultation.")
            .ProducesErrors(
                TravelDocumentErrors.Status, TravelDocumentErrors.Type, TravelDocumentErrors.Limit,
                TravelDocumentErrors.Offset);
        documents.MapGet("/{id:guid}", Get).Documented("GetDocument", "Get a record",
            "One of the caller's agency's records, with its history. Coordinators and investigators of the owner "
            + "agency (`documents:write`). Audited as a consultation.")
            .ProducesErrors(TravelDocumentErrors.NotFound);
        documents.MapMethods("/{id:guid}", ["PATCH"], Change).Documented("ChangeDocument", "Change a record",
            "The owner agency's coordinators and investigators only (`documents:write`). Audited.")
            .ProducesErrors([TravelDocumentErrors.NotFound, TravelDocumentErrors.Status, .. Details]);
        documents.MapPost("/import", Import).Documented("ImportDocuments", "Import records from CSV",
            "Upserts the agency's records from `text/csv` (up to 64 MiB) in batches, reports each bad row by its "
            + "line, and can be run again without duplicating anything. The owner agency's coordinators and "
            + "investigators, or an administrator naming `?agency=` (`documents:write`). Audited.")
            .WithMetadata(new RequestSizeLimitAttribute(ImportBodyBytes)).Accepts<string>("text/csv")
            .ProducesErrors(HttpErrors.UnsupportedMediaType)
            .ProducesErrors(
                TravelDocumentErrors.ImportAgency, TravelDocumentErrors.ImportHeader, TravelDocumentErrors.ImportEmpty);
        documents.MapGet("/export", Export).Documented("ExportDocuments", "Export records as CSV",
            "The agency's live records, in the form import reads. The same callers as import. Audited.")
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .ProducesErrors(TravelDocumentErrors.ExportAgency);
        documents.MapDelete("/{id:guid}", Delete).Documented("DeleteDocument", "Withdraw a record",
            "With a `reason`; a tombstone remains for the audit trail and for other nodes. The owner agency's "
            + "coordinators and investigators only (`documents:write`). Audited.")
            .ProducesErrors(TravelDocumentErrors.NotFound, TravelDocumentErrors.DeletionReason);
    }

    private static Task<Results<Created<DocumentView>, ProblemHttpResult>> Register(
        RegisterDocumentRequest request, HttpContext http, RegisterDocument register, CancellationToken ct) =>
        register.HandleAsync(http.Actor(), request, ct)
            .ToCreatedAsync(document => $"/api/v1/documents/{document.Id}");

    private static Task<Results<Ok<IReadOnlyList<DocumentView>>, ProblemHttpResult>> Search(
        string? number, string? status, string? documentType, bool? includeDeleted, int? limit, int? offset,
        HttpContext http, FindDocuments find, CancellationToken ct) =>
        find.SearchAsync(http.Actor(), new DocumentQuery(
            number, status, documentType, includeDeleted ?? false, limit ?? 100, offset ?? 0), ct).ToOkAsync();

    private static Task<Results<Ok<DocumentDetail>, ProblemHttpResult>> Get(
        Guid id, HttpContext http, FindDocuments find, CancellationToken ct) =>
        find.GetAsync(http.Actor(), id, ct).ToOkAsync();

    private static Task<Results<Ok<DocumentView>, ProblemHttpResult>> Change(
        Guid id, ChangeDocumentRequest request, HttpContext http, ChangeDocument change, CancellationToken ct) =>
        change.HandleAsync(http.Actor(), id, request, ct).ToOkAsync();

    private static async Task<Results<Ok<ImportReport>, ProblemHttpResult>> Import(
        string? agency, HttpContext http, ImportDocuments import, CancellationToken ct)
    {
        if (http.Request.ContentType?.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase) != true)
        {
            throw new BadHttpRequestException(
                "Send the records as text/csv.", StatusCodes.Status415UnsupportedMediaType);
        }

        using var reader = new StreamReader(http.Request.Body);
        return (await import.HandleAsync(http.Actor(), agency, reader, null, ct)).ToOk();
    }

    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> Export(
        string? agency, HttpContext http, ExportDocuments export, CancellationToken ct)
    {
        var result = await export.HandleAsync(http.Actor(), agency, ct);
        if (!result.Succeeded)
        {
            return result.Error.ToProblem();
        }

        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = "attachment; filename=passerelle-documents.csv";
        await using var writer = new StreamWriter(http.Response.Body);
        await ExportDocuments.WriteAsync(result.Value, writer, null, ct);
        return TypedResults.Empty;
    }

    private static Task<Results<Ok<DocumentView>, ProblemHttpResult>> Delete(
        Guid id, string? reason, HttpContext http, DeleteDocument delete, CancellationToken ct) =>
        delete.HandleAsync(http.Actor(), id, reason, ct).ToOkAsync();
}
