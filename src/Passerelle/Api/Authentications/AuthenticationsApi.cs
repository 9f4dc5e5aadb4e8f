using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Passerelle.Api.Products;
using Passerelle.Core.Authentications;
using Passerelle.Errors;
using Passerelle.Security;

namespace Passerelle.Api.Authentications;

internal sealed record ReplyRequest(string? Verdict, string? Reasons);

internal sealed record MessageRequest(string? Text);

internal static class AuthenticationsApi
{
    public static void MapAuthenticationsApi(this IEndpointRouteBuilder api)
    {
        var requests = api.MapGroup("/authentications").WithTags("Authentications");
        requests.MapGet("/", List).WithSummary(
            "Authentication requests: those to the caller's rights holder, or those the caller's agency sent.");
        requests.MapPost("/", Create).WithSummary(
            "An officer asks the rights holder to authenticate detained goods.");
        requests.MapGet("/{id:guid}", Get).WithSummary(
            "One request with its thread; overdue when unanswered past its deadline.");
        requests.MapPost("/{id:guid}/reply", Reply).WithSummary(
            "The rights holder answers genuine, counterfeit or cannot-tell, with reasons.");
        requests.MapPost("/{id:guid}/messages", Message).WithSummary(
            "A message in the request's thread, from either side.");
        requests.MapPost("/{id:guid}/photos", AddPhoto).WithSummary(
            "The detaining agency adds a photo of the goods (JPEG, PNG or WebP by content, at most 5 MB).")
            .WithMetadata(new RequestSizeLimitAttribute(ProductsApi.PictureBodyBytes));
        requests.MapPost("/{id:guid}/outcome", Outcome).WithSummary(
            "The detaining agency records released, seized or destroyed, once the rights holder has answered or " +
            "its reply is overdue; the person who recorded it may correct it within 24 hours. A value needs its " +
            "ISO 4217 currency.");
        api.MapGet("/statistics/seizures", Statistics).WithTags("Authentications")
            .WithSummary("Seizures by brand, HS chapter, place and month.");
    }

    private static Task<Results<Ok<IReadOnlyList<AuthenticationView>>, ProblemHttpResult>> List(
        HttpContext http, ListAuthentications list, CancellationToken ct) =>
        list.HandleAsync(http.Actor(), ct).ToOkAsync();

    private static Task<Results<Created<AuthenticationView>, ProblemHttpResult>> Create(
        NewAuthentication request, HttpContext http, RequestAuthentication ask, CancellationToken ct) =>
        ask.HandleAsync(http.Actor(), request, null, ct)
            .ToCreatedAsync(created => $"/api/v1/authentications/{created.Id}");

    private static Task<Results<Ok<AuthenticationView>, ProblemHttpResult>> Get(
        Guid id, HttpContext http, GetAuthentication get, CancellationToken ct) =>
        get.HandleAsync(http.Actor(), id, ct).ToOkAsync();

    private static Task<Results<Ok<AuthenticationView>, ProblemHttpResult>> Reply(
        Guid id, ReplyRequest body, HttpContext http, ReplyToAuthentication reply, CancellationToken ct) =>
        reply.HandleAsync(http.Actor(), id, body.Verdict, body.Reasons, ct).ToOkAsync();

    private static Task<Results<Ok<AuthenticationView>, ProblemHttpResult>> Message(
        Guid id, MessageRequest body, HttpContext http, PostAuthenticationMessage post, CancellationToken ct) =>
        post.HandleAsync(http.Actor(), id, body.Text, ct).ToOkAsync();

    private static Task<Results<Ok<AuthenticationView>, ProblemHttpResult>> Outcome(
        Guid id, RecordOutcome body, HttpContext http, RecordAuthenticationOutcome record, CancellationToken ct) =>
        record.HandleAsync(http.Actor(), id, body, ct).ToOkAsync();

    private static async Task<Results<Ok<AuthenticationView>, ProblemHttpResult>> AddPhoto(
        Guid id, HttpContext http, AddAuthenticationPhoto add, CancellationToken ct)
    {
        var photo = await ProductsApi.ReadBodyAsync(http, ct);
        return (await add.HandleAsync(http.Actor(), id, photo, ct)).ToOk();
    }

    private static Task<Results<Ok<SeizureReport>, ProblemHttpResult>> Statistics(
        HttpContext http, SeizureStatistics statistics, CancellationToken ct) =>
        statistics.HandleAsync(http.Actor(), ct).ToOkAsync();
}
