using Microsoft.AspNetCore.Http.HttpResults;
using Passerelle.Core.Notifications;
using Passerelle.Errors;
using Passerelle.Security;

namespace Passerelle.Api.Notifications;

internal sealed record WebhookRequest(string? Url);

internal static class NotificationsApi
{
    public static void MapNotificationsApi(this IEndpointRouteBuilder api)
    {
        var inbox = api.MapGroup("/notifications").WithTags("Notifications");
        inbox.MapGet("/", List).WithSummary("The caller's inbox.");
        inbox.MapPost("/{id:guid}/read", Read).WithSummary("Mark a notification read.");

        var webhooks = api.MapGroup("/webhooks").WithTags("Notifications");
        webhooks.MapGet("/", ListWebhooks).WithSummary("The agency's webhooks and their delivery counts (coordinators).");
        webhooks.MapPost("/", CreateWebhook).WithSummary("Register a webhook; its signing secret is in this answer only.");
        webhooks.MapDelete("/{id:guid}", DisableWebhook).WithSummary("Stop a webhook.");
    }

    private static async Task<Results<Ok<IReadOnlyList<NotificationView>>, ProblemHttpResult>> List(bool? unread, HttpContext http, Inbox inbox, CancellationToken ct)
    {
        var result = await inbox.ListAsync(http.Actor(), unread ?? false, ct);
        return result.Succeeded ? TypedResults.Ok(result.Value) : result.Error!.ToProblem();
    }

    private static async Task<Results<Ok<NotificationView>, ProblemHttpResult>> Read(Guid id, HttpContext http, Inbox inbox, CancellationToken ct)
    {
        var result = await inbox.MarkReadAsync(http.Actor(), id, ct);
        return result.Succeeded ? TypedResults.Ok(result.Value) : result.Error!.ToProblem();
    }

    private static async Task<Results<Ok<IReadOnlyList<WebhookView>>, ProblemHttpResult>> ListWebhooks(HttpContext http, ManageWebhooks webhooks, CancellationToken ct)
    {
        var result = await webhooks.ListAsync(http.Actor(), ct);
        return result.Succeeded ? TypedResults.Ok(result.Value) : result.Error!.ToProblem();
    }

    private static async Task<Results<Created<CreatedWebhook>, ProblemHttpResult>> CreateWebhook(WebhookRequest request, HttpContext http, ManageWebhooks webhooks, CancellationToken ct)
    {
        var result = await webhooks.CreateAsync(http.Actor(), request.Url, ct);
        return result.Succeeded ? TypedResults.Created($"/api/v1/webhooks/{result.Value!.Id}", result.Value) : result.Error!.ToProblem();
    }

    private static async Task<Results<Ok<WebhookView>, ProblemHttpResult>> DisableWebhook(Guid id, HttpContext http, ManageWebhooks webhooks, CancellationToken ct)
    {
        var result = await webhooks.DisableAsync(http.Actor(), id, ct);
        return result.Succeeded ? TypedResults.Ok(result.Value) : result.Error!.ToProblem();
    }
}
