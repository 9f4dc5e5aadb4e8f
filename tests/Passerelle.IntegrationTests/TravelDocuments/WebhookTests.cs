using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Passerelle.Core.Notifications;
using Passerelle.IntegrationTests.Support;

namespace Passerelle.IntegrationTests.TravelDocuments;

public sealed class WebhookTests
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_hit_is_delivered_to_the_owners_webhook_signed_with_its_secret_and_retried_after_a_failure(Db db)
    {
        var receiver = new WebhookReceiver();
        var time = new AdjustableTime();
        await using var app = await TestApp.StartAsync(db, replace: services =>
        {
            services.AddSingleton<TimeProvider>(time);
            services.AddHttpClient("webhooks").ConfigurePrimaryHttpMessageHandler(() => receiver);
        });
        var world = await RegisterWorld.BuildAsync(app);
        await world.RegisterAsync("L898902C3");
        var created = await (await world.PoliceCoordinator.PostAsJsonAsync("/api/v1/webhooks", new { url = "https://police.example.fr/hooks" })).Content.ReadFromJsonAsync<JsonElement>();
        var secret = created.GetProperty("secret").GetString()!;
        receiver.FailFirst = true;

        await RegisterWorld.ScreenAsync(world.CustomsOfficer, new { documentNumber = "L898902C3", issuingState = "UTO", purpose = "border-check" });
        await receiver.Failed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        time.Advance(TimeSpan.FromSeconds(11));

        var delivery = await receiver.Received.Reader.ReadAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(15));
        Assert.Equal("hit.opened", JsonDocument.Parse(delivery.Body).RootElement.GetProperty("event").GetString());
        var signature = delivery.Signature.Split(',').ToDictionary(p => p.Split('=')[0], p => p.Split('=')[1]);
        Assert.Equal(DeliverWebhooks.Sign(secret, long.Parse(signature["t"], System.Globalization.CultureInfo.InvariantCulture), delivery.Body), signature["v1"]);
        await using var context = app.NewContext();
        var stored = await WaitDeliveredAsync(context);
        Assert.Equal((2, 204), (stored.Attempts, stored.LastStatus));
        var operations = await context.AuditEntries.Select(e => e.Operation).ToListAsync();
        Assert.Contains("webhook.failed", operations);
        Assert.Contains("webhook.delivered", operations);
        var timeline = await context.HitCaseEvents.OrderBy(e => e.Id).Select(e => e.Kind).ToListAsync();
        Assert.Equal(["opened", "notified", "webhook-failed", "webhook-delivered"], timeline);
    }

    private static async Task<WebhookDelivery> WaitDeliveredAsync(Core.Data.PasserelleDb context)
    {
        for (var i = 0; i < 50; i++)
        {
            var stored = await context.WebhookDeliveries.AsNoTracking().SingleAsync();
            if (stored.DeliveredAt is not null)
            {
                return stored;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The delivery was not recorded as delivered.");
    }
}
