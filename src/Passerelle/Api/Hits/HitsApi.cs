using Microsoft.AspNetCore.Http.HttpResults;
using Passerelle.Core.Hits;
using Passerelle.Errors;
using Passerelle.Security;

namespace Passerelle.Api.Hits;

internal sealed record DecisionRequest(string? Note);

internal static class HitsApi
{
    public static void MapHitsApi(this IEndpointRouteBuilder api)
    {
        var hits = api.MapGroup("/hits").WithTags("Hits");
        hits.MapGet("/", List)
            .WithSummary("Hit cases: on the caller's agency's records, and those the caller screened. " +
                "?status=open|confirmed|recovered|mismatch (cleared still reads as recovered).");
        hits.MapGet("/{id:guid}", Get).WithSummary("One hit case with its screenings and its timeline.");
        MapDecision(hits, "confirm", HitDecision.Confirm,
            "The owner confirms: the document is still wanted, seize it.");
        MapDecision(hits, "recover", HitDecision.Recover,
            "The owner marks the document recovered: the record was stale; it becomes recovered.");
        // Its name before "recover", kept so existing clients keep working.
        MapDecision(hits, "clear", HitDecision.Recover, "Deprecated: the former name of /recover, which it does.");
        MapDecision(hits, "mismatch", HitDecision.Mismatch,
            "The owner marks a mismatch: the screened document is not the recorded one.");
    }

    private static RouteHandlerBuilder MapDecision(
        RouteGroupBuilder hits, string route, HitDecision decision, string summary) =>
        hits.MapPost($"/{{id:guid}}/{route}",
            (Guid id, DecisionRequest? body, HttpContext http, DecideHit decide, CancellationToken ct) =>
                Decide(id, decision, body, http, decide, ct)).WithSummary(summary);

    private static Task<Results<Ok<IReadOnlyList<HitView>>, ProblemHttpResult>> List(
        string? status, HttpContext http, ListHits list, CancellationToken ct) =>
        list.HandleAsync(http.Actor(), status, ct).ToOkAsync();

    private static Task<Results<Ok<HitView>, ProblemHttpResult>> Get(
        Guid id, HttpContext http, ListHits list, CancellationToken ct) =>
        list.GetAsync(http.Actor(), id, ct).ToOkAsync();

    private static Task<Results<Ok<HitView>, ProblemHttpResult>> Decide(
        Guid id, HitDecision decision, DecisionRequest? body, HttpContext http, DecideHit decide,
        CancellationToken ct) =>
        decide.HandleAsync(http.Actor(), id, decision, body?.Note, ct).ToOkAsync();
}
