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

    private static Task<Results<Ok<IReadOnlyList<NotificationView>>, ProblemHttpResult>> List(
        bool? unread, HttpContext http, Inbox inbox, CancellationToken ct) =>
        inbox.ListAsync(http.Actor(), unread ?? false, ct).ToOkAsync();

    private static Task<Results<Ok<NotificationView>, ProblemHttpResult>> Read(
        Guid id, HttpContext http, Inbox inbox, CancellationToken ct) =>
        inbox.MarkReadAsync(http.Actor(), id, ct).ToOkAsync();

    private static Task<Results<Ok<IReadOnlyList<WebhookView>>, ProblemHttpResult>> ListWebhooks(
        HttpContext http, ManageWebhooks webhooks, CancellationToken ct) =>
        webhooks.ListAsync(http.Actor(), ct).ToOkAsync();

    private static Task<Results<Created<CreatedWebhook>, ProblemHttpResult>> CreateWebhook(
        WebhookRequest request, HttpContext http, ManageWebhooks webhooks, CancellationToken ct) =>
        webhooks.CreateAsync(http.Actor(), request.Url, ct).ToCreatedAsync(created => $"/api/v1/webhooks/{created.Id}");

    private static Task<Results<Ok<WebhookView>, ProblemHttpResult>> DisableWebhook(
        Guid id, HttpContext http, ManageWebhooks webhooks, CancellationToken ct) =>
        webhooks.DisableAsync(http.Actor(), id, ct).ToOkAsync();
}
