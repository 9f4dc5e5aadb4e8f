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
        hits.MapGet("/", List).WithSummary("Hit cases: on the caller's agency's records (coordinators), and those the caller opened.");
        hits.MapGet("/{id:guid}", Get).WithSummary("One hit case with its timeline.");
        hits.MapPost("/{id:guid}/confirm", (Guid id, DecisionRequest? body, HttpContext http, DecideHit decide, CancellationToken ct) => Decide(id, HitDecision.Confirm, body, http, decide, ct))
            .WithSummary("The owner confirms: the document is still wanted, seize it.");
        hits.MapPost("/{id:guid}/clear", (Guid id, DecisionRequest? body, HttpContext http, DecideHit decide, CancellationToken ct) => Decide(id, HitDecision.Clear, body, http, decide, ct))
            .WithSummary("The owner clears: the record was stale; it becomes recovered.");
        hits.MapPost("/{id:guid}/mismatch", (Guid id, DecisionRequest? body, HttpContext http, DecideHit decide, CancellationToken ct) => Decide(id, HitDecision.Mismatch, body, http, decide, ct))
            .WithSummary("The owner marks a mismatch: the screened document is not the recorded one.");
    }

    private static async Task<Results<Ok<IReadOnlyList<HitView>>, ProblemHttpResult>> List(string? status, HttpContext http, ListHits list, CancellationToken ct)
    {
        var result = await list.HandleAsync(http.Actor(), status, ct);
        return result.Succeeded ? TypedResults.Ok(result.Value) : result.Error!.ToProblem();
    }

    private static async Task<Results<Ok<HitView>, ProblemHttpResult>> Get(Guid id, HttpContext http, ListHits list, CancellationToken ct)
    {
        var result = await list.GetAsync(http.Actor(), id, ct);
        return result.Succeeded ? TypedResults.Ok(result.Value) : result.Error!.ToProblem();
    }

    private static async Task<Results<Ok<HitView>, ProblemHttpResult>> Decide(Guid id, HitDecision decision, DecisionRequest? body, HttpContext http, DecideHit decide, CancellationToken ct)
    {
        var result = await decide.HandleAsync(http.Actor(), id, decision, body?.Note, ct);
        return result.Succeeded ? TypedResults.Ok(result.Value) : result.Error!.ToProblem();
    }
}
