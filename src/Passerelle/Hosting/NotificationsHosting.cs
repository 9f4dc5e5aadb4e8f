namespace Passerelle.Hosting;

internal static class NotificationsHosting
{
    /// <summary>Webhook deliveries, sent through the guarded HTTP client.</summary>
    public static IServiceCollection AddNotificationsHosting(this IServiceCollection services)
    {
        services.AddHostedService<WebhookDispatcher>();
        return services.AddWebhookHttp();
    }
}
