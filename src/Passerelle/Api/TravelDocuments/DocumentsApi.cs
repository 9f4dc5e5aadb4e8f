using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Passerelle.Core.TravelDocuments;
using Passerelle.Errors;
using Passerelle.Security;

namespace Passerelle.Api.TravelDocuments;

internal static class DocumentsApi
{
    public const long ImportBodyBytes = 64 * 1024 * 1024;

    public static void MapDocumentsApi(this IEndpointRouteBuilder api)
    {
        var documents = api.MapGroup("/documents").WithTags("Travel documents");
        documents.MapPost("/", Register).WithSummary("Register a lost, stolen, revoked or invalid document for the caller's agency.");
        documents.MapGet("/", Search).WithSummary("Search the caller's agency's own records.");
        documents.MapGet("/{id:guid}", Get).WithSummary("One of the caller's agency's records, with its history.");
        documents.MapMethods("/{id:guid}", ["PATCH"], Change).WithSummary("Change a record (owner only).");
        documents.MapPost("/import", Import).WithSummary("Upsert the caller's agency's records from CSV (text/csv, up to 64 MiB); answers a report of bad rows.")
            .WithMetadata(new RequestSizeLimitAttribute(ImportBodyBytes)).Accepts<string>("text/csv");
        documents.MapGet("/export", Export).WithSummary("The caller's agency's live records as CSV, in the form import reads.");
        documents.MapDelete("/{id:guid}", Delete).WithSummary("Withdraw a record, with a reason (owner only); a tombstone remains.");
    }

    private static Task<Results<Created<DocumentView>, ProblemHttpResult>> Register(
        RegisterDocumentRequest request, HttpContext http, RegisterDocument register, CancellationToken ct) =>
        register.HandleAsync(http.Actor(), request, ct).ToCreatedAsync(document => $"/api/v1/documents/{document.Id}");

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
            throw new BadHttpRequestException("Send the records as text/csv.", StatusCodes.Status415UnsupportedMediaType);
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
