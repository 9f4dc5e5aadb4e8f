using Passerelle.Core.Common;

namespace Passerelle.Core.Notifications;

/// <summary>Every code the inbox and webhook operations may fail with.</summary>
public static class NotificationErrors
{
    public static readonly ErrorCode NotFound = ErrorCode.NotFound("notification.not-found");

    public static readonly ErrorCode WebhookNotFound = ErrorCode.NotFound("webhook.not-found");

    /// <summary>The agency already has <see cref="ManageWebhooks.MaxActivePerAgency"/> active webhooks.</summary>
    public static readonly ErrorCode WebhookLimit = ErrorCode.Conflict("webhook.limit");

    /// <summary>Not an absolute URL, or too long.</summary>
    public static readonly ErrorCode WebhookUrl = ErrorCode.Invalid("webhook.url");

    public static readonly ErrorCode WebhookUrlScheme = ErrorCode.Invalid("webhook.url-scheme");

    public static readonly ErrorCode WebhookUrlUserInfo = ErrorCode.Invalid("webhook.url-userinfo");

    /// <summary>A loopback, private, link-local, shared or multicast address.</summary>
    public static readonly ErrorCode WebhookUrlAddress = ErrorCode.Invalid("webhook.url-address");

    /// <summary>Every code above, for the API contract.</summary>
    public static IReadOnlyList<ErrorCode> All { get; } =
    [
        NotFound, WebhookNotFound, WebhookLimit, WebhookUrl, WebhookUrlScheme, WebhookUrlUserInfo, WebhookUrlAddress,
    ];
}
