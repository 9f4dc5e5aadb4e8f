using Microsoft.AspNetCore.Http.HttpResults;
using Passerelle.Api.Contract;
using Passerelle.Core.Trust.Audit;
using Passerelle.Errors;
using Passerelle.Security;

namespace Passerelle.Api.Audit;

internal static class AuditApi
{
    public static void MapAuditApi(this IEndpointRouteBuilder api)
    {
        var audit = api.MapGroup("/audit").WithTags("Audit");
        audit.MapGet("/", Search).Documented("SearchAuditTrail", "Search the audit trail",
            "Entries newest first, filtered by time, login, agency, operation and target, and paged by `before` "
            + "(the sequence of the last entry seen). Auditors (`audit:read`). Audited as a consultation.")
            .ProducesErrors(AuditErrors.Limit);
        audit.MapGet("/export", Export).Documented("ExportAuditTrail", "Export the audit trail",
            "Every matching entry, oldest first, as `jsonl` (the default) or `csv`. Auditors (`audit:read`). "
            + "Audited.")
            .Produces<string>(StatusCodes.Status200OK, "application/x-ndjson", "text/csv")
            .ProducesErrors(AuditErrors.Format);
        audit.MapPost("/verify", Verify).Documented("VerifyAuditTrail", "Verify the audit trail",
            "Recomputes the SHA-256 hash chain over every entry and names the first broken one, if any. Auditors "
            + "(`audit:read`). Audited.");
    }

    private static Task<Results<Ok<IReadOnlyList<AuditView>>, ProblemHttpResult>> Search(
        [AsParameters] AuditQuery query, HttpContext http, SearchAuditTrail search, CancellationToken ct) =>
        search.HandleAsync(http.Actor(), query.ToFilter(), ct).ToOkAsync();

    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> Export(
        string? format, [AsParameters] AuditQuery query, HttpContext http, SearchAuditTrail search,
        CancellationToken ct)
    {
        format ??= "jsonl";
        if (!AuditExport.IsKnown(format))
        {
            return AuditErrors.Format.With("format is jsonl or csv.", "format").ToProblem();
        }

        var result = await search.ExportAsync(http.Actor(), query.ToFilter(), format, ct);
        if (!result.Succeeded)
        {
            return result.Error.ToProblem();
        }

        http.Response.ContentType = AuditExport.ContentType(format);
        http.Response.Headers.ContentDisposition = $"attachment; filename=passerelle-audit.{format}";
        await using var writer = new StreamWriter(http.Response.Body);
        await AuditExport.WriteAsync(result.Value, format, writer, ct);
        return TypedResults.Empty;
    }

    private static Task<Results<Ok<AuditVerification>, ProblemHttpResult>> Verify(
        HttpContext http, VerifyAuditTrail verify, CancellationToken ct) =>
        verify.HandleAsync(http.Actor(), ct).ToOkAsync();
}

internal sealed record AuditQuery(
    DateTime? From, DateTime? To, string? Login, string? Agency, string? Operation, string? Target, long? Before,
    int? Limit)
{
    public AuditFilter ToFilter() => new(
        From?.ToUniversalTime(), To?.ToUniversalTime(), Login, Agency, Operation, Target, Before, Limit ?? 100);
}
