using Microsoft.Extensions.DependencyInjection;

namespace Passerelle.Core.Notifications;

public static class NotificationsSetup
{
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddOptions<WebhookSettings>().BindConfiguration(WebhookSettings.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<Inbox>();
        // Needs the host's IDataProtectionProvider (WebApp); the CLI neither registers nor delivers webhooks.
        services.AddSingleton<WebhookSecrets>();
        services.AddSingleton<WebhookSignal>();
        services.AddScoped<Outbox>();
        services.AddScoped<ManageWebhooks>();
        services.AddScoped<DeliverWebhooks>();
        services.AddScoped<ProtectPlainWebhookSecrets>();
        return services;
    }
}
