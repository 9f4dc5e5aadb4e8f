using Microsoft.AspNetCore.Http.HttpResults;
using Passerelle.Api.Contract;
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
        hits.MapGet("/", List).Documented("ListHits", "List hit cases",
            "The cases the caller screened and, for the owner agency's coordinators and register-keeping "
            + "investigators, those on its records; `?status=open|confirmed|recovered|mismatch` (`cleared` still "
            + "reads as `recovered`). Law-enforcement people with `documents:screen` or `documents:write`. Audited "
            + "as a consultation.")
            .ProducesErrors(HitErrors.Status);
        hits.MapGet("/{id:guid}", Get).Documented("GetHit", "Get a hit case",
            "One case with its screenings and its timeline, for whoever screened it and the people of both "
            + "agencies who follow it. Audited as a consultation.")
            .ProducesErrors(HitErrors.NotFound);
        MapDecision(hits, "confirm", HitDecision.Confirm, "ConfirmHit", "Confirm a hit",
            "The document is still wanted: seize it.");
        MapDecision(hits, "recover", HitDecision.Recover, "RecoverHit", "Mark a hit recovered",
            "The document was found: the record was stale, becomes recovered and leaves screening.");
        // Its name before "recover", kept so existing clients keep working.
        MapDecision(hits, "clear", HitDecision.Recover, "ClearHit", "Mark a hit recovered (former name)",
            "Deprecated: the former name of `recover`, which it does.")
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                operation.Deprecated = true;
                return Task.CompletedTask;
            });
        MapDecision(hits, "mismatch", HitDecision.Mismatch, "MarkHitMismatch", "Mark a hit a mismatch",
            "The screened document is not the recorded one.");
    }

    /// <summary>A decision on a hit: the owner agency's coordinators only, once a case.</summary>
    private static RouteHandlerBuilder MapDecision(
        RouteGroupBuilder hits, string route, HitDecision decision, string operationId, string summary,
        string what) =>
        hits.MapPost($"/{{id:guid}}/{route}",
            (Guid id, DecisionRequest? body, HttpContext http, DecideHit decide, CancellationToken ct) =>
                Decide(id, decision, body, http, decide, ct))
            .Documented(operationId, summary, what + " The owner agency's coordinators decide (`documents:write`), "
                + "with an optional note; a case is decided once, and the first and last to screen it are told. "
                + "Audited.")
            .ProducesErrors(HitErrors.NotFound, HitErrors.Note, HitErrors.Decided);

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
