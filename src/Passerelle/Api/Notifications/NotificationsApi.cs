using Microsoft.AspNetCore.Http.HttpResults;
using Passerelle.Api.Contract;
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
        inbox.MapGet("/", List).Documented("ListNotifications", "Read the inbox",
            "The caller's notifications, newest first (`?unread=true` for unread ones); coordinators and rights "
            + "holders' people also read those addressed to their agency. Officers, investigators, coordinators and "
            + "rights holders (`notifications:read`). Audited as a consultation.");
        inbox.MapPost("/{id:guid}/read", Read).Documented("MarkNotificationRead", "Mark a notification read",
            "One notification the caller may read (`notifications:read`).")
            .ProducesErrors(NotificationErrors.NotFound);

        var webhooks = api.MapGroup("/webhooks").WithTags("Notifications");
        webhooks.MapGet("/", ListWebhooks).Documented("ListWebhooks", "List webhooks",
            "The agency's webhooks and their delivery counts. Coordinators (`documents:write`) and rights holders' "
            + "people (`products:write`), for their own agency. Audited as a consultation.");
        webhooks.MapPost("/", CreateWebhook).Documented("CreateWebhook", "Register a webhook",
            "An `https` address on a public host, where the agency hears of hits (coordinators) or of "
            + "authentication requests (rights holders); at most 5 active an agency. Deliveries are signed the "
            + "Standard Webhooks way, with a secret that is in this answer only. Audited.")
            .ProducesErrors(
                NotificationErrors.WebhookUrl, NotificationErrors.WebhookUrlScheme,
                NotificationErrors.WebhookUrlUserInfo, NotificationErrors.WebhookUrlAddress,
                NotificationErrors.WebhookLimit);
        webhooks.MapDelete("/{id:guid}", DisableWebhook).Documented("DisableWebhook", "Stop a webhook",
            "The same callers, for their own agency's webhooks. Audited.")
            .ProducesErrors(NotificationErrors.WebhookNotFound);
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
        webhooks.CreateAsync(http.Actor(), request.Url, ct)
            .ToCreatedAsync(created => $"/api/v1/webhooks/{created.Id}");

    private static Task<Results<Ok<WebhookView>, ProblemHttpResult>> DisableWebhook(
        Guid id, HttpContext http, ManageWebhooks webhooks, CancellationToken ct) =>
        webhooks.DisableAsync(http.Actor(), id, ct).ToOkAsync();
}
