using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Passerelle.Api.Contract;
using Passerelle.Api.Products;
using Passerelle.Core.Authentications;
using Passerelle.Core.Common;
using Passerelle.Core.Pictures;
using Passerelle.Errors;
using Passerelle.Security;

namespace Passerelle.Api.Authentications;

internal sealed record ReplyRequest(string? Verdict, string? Reasons);

internal sealed record MessageRequest(string? Text);

internal static class AuthenticationsApi
{
    /// <summary>
    /// What <see cref="RequestAuthentication"/> checks of a request sent as JSON, which carries no photos; the photos'
    /// judging still waits for a slot of the picture work, and may be told the server is busy.
    /// </summary>
    private static readonly ErrorCode[] Asked =
    [
        AuthenticationErrors.Product, AuthenticationErrors.Quantity, AuthenticationErrors.Place,
        AuthenticationErrors.Route, AuthenticationErrors.ConsigneeNotAllowed, AuthenticationErrors.Text,
        PictureErrors.Busy,
    ];

    /// <summary>Who may record or correct an outcome and when, then what it says.</summary>
    private static readonly ErrorCode[] Recorded =
    [
        AuthenticationErrors.NotFound, AuthenticationErrors.NotAuthor, AuthenticationErrors.BeforeVerdict,
        AuthenticationErrors.CorrectionWindowClosed, AuthenticationErrors.Outcome,
        AuthenticationErrors.OutcomeQuantity, AuthenticationErrors.Value, AuthenticationErrors.Currency,
        AuthenticationErrors.ValueDecimals, AuthenticationErrors.OutcomeChanged,
    ];

    public static void MapAuthenticationsApi(this IEndpointRouteBuilder api)
    {
        var requests = api.MapGroup("/authentications").WithTags("Authentications");
        requests.MapGet("/", List).Documented("ListAuthentications", "List authentication requests",
            "Those sent to the caller's rights holder (`products:write`), or those the caller asked and, for a "
            + "coordinator, its agency's (`products:lookup`); overdue ones are flagged. Audited as a consultation.");
        requests.MapPost("/", Create).Documented("RequestAuthentication", "Ask for authentication",
            "An officer who detained goods asks their rights holder to authenticate them, saying where they are "
            + "held and, if known, their route; the rights holder has 10 working days by default "
            + "(`products:lookup`). Audited.")
            .ProducesErrors(Asked);
        requests.MapGet("/{id:guid}", Get).Documented("GetAuthentication", "Get an authentication request",
            "One request with its thread, for the officer who asked, their agency's coordinators and the rights "
            + "holder asked; overdue when unanswered past its deadline. Audited as a consultation.")
            .ProducesErrors(AuthenticationErrors.NotFound);
        requests.MapPost("/{id:guid}/reply", Reply).Documented("ReplyToAuthentication", "Answer a request",
            "The rights holder asked answers genuine, counterfeit or cannot-tell, with reasons (`products:write`). "
            + "Audited.")
            .ProducesErrors(AuthenticationErrors.NotFound, AuthenticationErrors.Replied, AuthenticationErrors.Verdict,
                AuthenticationErrors.Reasons);
        requests.MapPost("/{id:guid}/messages", Message).Documented("PostAuthenticationMessage", "Write in the thread",
            "A message from either side of the request. Audited.")
            .ProducesErrors(AuthenticationErrors.NotFound, AuthenticationErrors.Text);
        requests.MapPost("/{id:guid}/photos", AddPhoto).Documented("AddAuthenticationPhoto", "Add a photo of the goods",
            "The detaining agency (the officer who asked and its coordinators) adds a photo of the goods, at most "
            + "5 MB and at most 5 a request, seen only by that agency and the rights holder asked. Audited.")
            .WithMetadata(new RequestSizeLimitAttribute(ProductsApi.PictureBodyBytes)).AcceptsPicture()
            .ProducesErrors(AuthenticationErrors.NotFound, AuthenticationErrors.PhotosFull);
        requests.MapPost("/{id:guid}/outcome", Outcome).Documented("RecordAuthenticationOutcome", "Record the outcome",
            "Released, seized or destroyed, with an optional estimated value in an ISO 4217 `currency`, once the "
            + "rights holder has answered or its reply is overdue; the person who recorded it may correct it within "
            + "24 hours. Those who follow the detention (`products:lookup`). Audited.")
            .ProducesErrors(Recorded);
        api.MapGet("/statistics/seizures", Statistics).WithTags("Authentications").Documented(
            "GetSeizureStatistics", "Count seizures",
            "Seizures by brand, HS chapter, route, place and month: officers, investigators and coordinators "
            + "(`products:lookup`) and auditors (`audit:read`) count their own country's detentions, a rights "
            + "holder (`products:write`) its own brands'. Audited as a consultation.");
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
