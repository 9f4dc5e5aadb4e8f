using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Passerelle.Core.Products;
using Passerelle.Errors;
using Passerelle.Security;

namespace Passerelle.Api.Products;

internal sealed record ReplyRequest(string? Verdict, string? Reasons);

internal sealed record MessageRequest(string? Text);

internal static class DetentionsApi
{
    public static void MapDetentionsApi(this IEndpointRouteBuilder api)
    {
        var requests = api.MapGroup("/authentications").WithTags("Detentions");
        requests.MapGet("/", List).WithSummary("Authentication requests: those to the caller's rights holder, or those the caller's agency sent.");
        requests.MapPost("/", Create).WithSummary("An officer asks the rights holder to authenticate detained goods.");
        requests.MapGet("/{id:guid}", Get).WithSummary("One request with its thread; overdue when unanswered past its deadline.");
        requests.MapPost("/{id:guid}/reply", Reply).WithSummary("The rights holder answers genuine, counterfeit or cannot-tell, with reasons.");
        requests.MapPost("/{id:guid}/messages", Message).WithSummary("A message in the request's thread, from either side.");
        requests.MapPost("/{id:guid}/photos", AddPhoto).WithSummary("The detaining agency adds a photo of the goods (JPEG, PNG or WebP by content, at most 5 MB).")
            .WithMetadata(new RequestSizeLimitAttribute(ProductsApi.PictureBodyBytes));
        requests.MapPost("/{id:guid}/outcome", Outcome).WithSummary(
            "The detaining agency records released, seized or destroyed, once the rights holder has answered or " +
            "its reply is overdue; the person who recorded it may correct it within 24 hours. A value needs its " +
            "ISO 4217 currency.");
        api.MapGet("/statistics/seizures", Statistics).WithTags("Detentions").WithSummary("Seizures by brand, HS chapter, place and month.");
    }

    private static async Task<Results<Ok<IReadOnlyList<AuthenticationView>>, ProblemHttpResult>> List(HttpContext http, Detentions detentions, CancellationToken ct)
    {
        var result = await detentions.ListAsync(http.Actor(), ct);
        return result.Succeeded ? TypedResults.Ok(result.Value) : result.Error!.ToProblem();
    }

    private static async Task<Results<Created<AuthenticationView>, ProblemHttpResult>> Create(RequestAuthentication request, HttpContext http, Detentions detentions, CancellationToken ct)
    {
        var result = await detentions.RequestAsync(http.Actor(), request, null, ct);
        return result.Succeeded ? TypedResults.Created($"/api/v1/authentications/{result.Value!.Id}", result.Value) : result.Error!.ToProblem();
    }

    private static async Task<Results<Ok<AuthenticationView>, ProblemHttpResult>> Get(Guid id, HttpContext http, Detentions detentions, CancellationToken ct)
    {
        var result = await detentions.GetAsync(http.Actor(), id, ct);
        return result.Succeeded ? TypedResults.Ok(result.Value) : result.Error!.ToProblem();
    }

    private static async Task<Results<Ok<AuthenticationView>, ProblemHttpResult>> Reply(Guid id, ReplyRequest body, HttpContext http, DetentionSteps steps, CancellationToken ct)
    {
        var result = await steps.ReplyAsync(http.Actor(), id, body.Verdict, body.Reasons, ct);
        return result.Succeeded ? TypedResults.Ok(result.Value) : result.Error!.ToProblem();
    }

    private static async Task<Results<Ok<AuthenticationView>, ProblemHttpResult>> Message(Guid id, MessageRequest body, HttpContext http, DetentionSteps steps, CancellationToken ct)
    {
        var result = await steps.PostMessageAsync(http.Actor(), id, body.Text, ct);
        return result.Succeeded ? TypedResults.Ok(result.Value) : result.Error!.ToProblem();
    }

    private static async Task<Results<Ok<AuthenticationView>, ProblemHttpResult>> Outcome(
        Guid id, RecordOutcome body, HttpContext http, DetentionOutcomes outcomes, CancellationToken ct)
    {
        var result = await outcomes.RecordAsync(http.Actor(), id, body, ct);
        return result.Succeeded ? TypedResults.Ok(result.Value) : result.Error!.ToProblem();
    }

    private static async Task<Results<Ok<AuthenticationView>, ProblemHttpResult>> AddPhoto(Guid id, HttpContext http, DetentionPhotos photos, CancellationToken ct)
    {
        var result = await photos.AddAsync(http.Actor(), id, await ProductsApi.ReadBodyAsync(http, ct), ct);
        return result.Succeeded ? TypedResults.Ok(result.Value) : result.Error!.ToProblem();
    }

    private static async Task<Results<Ok<SeizureReport>, ProblemHttpResult>> Statistics(HttpContext http, SeizureStatistics statistics, CancellationToken ct)
    {
        var result = await statistics.HandleAsync(http.Actor(), ct);
        return result.Succeeded ? TypedResults.Ok(result.Value) : result.Error!.ToProblem();
    }
}
