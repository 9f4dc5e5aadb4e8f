using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Passerelle.Core.Data;
using Passerelle.Core.Notifications;
using Passerelle.IntegrationTests.Support;
using Passerelle.IntegrationTests.TravelDocuments;

namespace Passerelle.IntegrationTests.Notifications;

/// <summary>
/// Signing secrets are kept encrypted with the data-protection keys; deliveries go to a real receiver on 127.0.0.1,
/// which the tests' configuration allow-lists.
/// </summary>
public sealed class WebhookSecretTests
{
    private static readonly Dictionary<string, string?> AllowLoopbackAddress = new()
    {
        ["Webhooks:AllowedHosts:0"] = "127.0.0.1",
    };

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_registered_secret_is_stored_encrypted_and_deliveries_still_verify_with_the_secret_shown_once(
        Db db)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var app = await TestApp.StartAsync(db, AllowLoopbackAddress);
        var world = await RegisterWorld.BuildAsync(app);
        await world.RegisterAsync("L898902C3");

        var secret = await WebhookTests.RegisterAsync(world.PoliceCoordinator, receiver.Url("/hooks"));

        await using var context = app.NewContext();
        var stored = await context.Webhooks.AsNoTracking().Select(w => w.Secret).SingleAsync();
        var key = secret[WebhookSignature.SecretPrefix.Length..];
        Assert.NotEqual(secret, stored);
        Assert.DoesNotContain(key, stored, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToHexString(Convert.FromBase64String(key)), stored,
            StringComparison.OrdinalIgnoreCase);
        Assert.False(WebhookSecrets.IsPlain(stored));
        await RegisterWorld.ScreenAsync(world.CustomsOfficer,
            new { documentNumber = "L898902C3", issuingState = "UTO", purpose = "border-check" });
        var delivery = await ReceiveAsync(receiver);
        WebhookReceiver.AssertSigned(delivery, secret);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_webhook_whose_secret_was_stored_plain_keeps_delivering_and_is_encrypted_once(Db db)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var app = await TestApp.StartAsync(db, AllowLoopbackAddress);
        var world = await RegisterWorld.BuildAsync(app);
        await world.RegisterAsync("L898902C3");
        await using var context = app.NewContext();
        // Rows as the version before wrote them: a Standard Webhooks secret, and an older hex one.
        var standard = WebhookSignature.NewSecret();
        var hex = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var standardId = await AddRowAsync(context, receiver.Url("/standard"), standard);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var protect = scope.ServiceProvider.GetRequiredService<ProtectPlainWebhookSecrets>();
            Assert.Equal(1, await protect.HandleAsync(TestContext.Current.CancellationToken));
            Assert.Equal(0, await protect.HandleAsync(TestContext.Current.CancellationToken));
        }

        // Written after this node's sweep, as a node of the previous version would during a rolling upgrade.
        var hexId = await AddRowAsync(context, receiver.Url("/hex"), hex);
        var stored = await context.Webhooks.AsNoTracking().ToDictionaryAsync(w => w.Id, w => w.Secret);
        Assert.DoesNotContain(standard[WebhookSignature.SecretPrefix.Length..], stored[standardId],
            StringComparison.Ordinal);
        Assert.Equal(hex, stored[hexId]);

        await RegisterWorld.ScreenAsync(world.CustomsOfficer,
            new { documentNumber = "L898902C3", issuingState = "UTO", purpose = "border-check" });
        var deliveries = new[] { await ReceiveAsync(receiver), await ReceiveAsync(receiver) }
            .ToDictionary(d => d.Path, StringComparer.Ordinal);
        WebhookReceiver.AssertSigned(deliveries["/standard"], standard);
        // A hex secret's key is its text read as base64, as Standard Webhooks libraries read it.
        WebhookReceiver.AssertSigned(deliveries["/hex"], WebhookSignature.SecretPrefix + hex);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_secret_that_does_not_decrypt_fails_the_delivery_with_a_logged_reason_and_sends_nothing(Db db)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var app = await TestApp.StartAsync(db, AllowLoopbackAddress);
        var world = await RegisterWorld.BuildAsync(app);
        await world.RegisterAsync("L898902C3");
        // Encrypted with the right keys for another purpose: what a lost key or an altered row looks like.
        var foreign = app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("elsewhere")
            .Protect(WebhookSignature.NewSecret());
        await using var context = app.NewContext();
        await AddRowAsync(context, receiver.Url("/hooks"), foreign);

        await RegisterWorld.ScreenAsync(world.CustomsOfficer,
            new { documentNumber = "L898902C3", issuingState = "UTO", purpose = "border-check" });

        await WebhookTests.WaitForAsync(() => context.WebhookDeliveries.AnyAsync(d => d.Attempts == 1));
        var delivery = await context.WebhookDeliveries.AsNoTracking().SingleAsync();
        Assert.Equal((null, "unreadable secret"), (delivery.LastStatus, delivery.LastError));
        Assert.Equal(0, receiver.AllRequests);
        Assert.Contains(app.Logs.Lines, line => line.Contains("does not decrypt", StringComparison.Ordinal));
    }

    /// <summary>Puts a webhook row in directly, with its secret column exactly as given.</summary>
    private static async Task<Guid> AddRowAsync(PasserelleDb context, Uri url, string secret)
    {
        var police = await context.Agencies.Where(a => a.Code == "FR-POLICE").Select(a => a.Id).SingleAsync();
        var webhook = new Webhook
        {
            Id = Guid.CreateVersion7(),
            AgencyId = police,
            Url = url.ToString(),
            Secret = secret,
            CreatedAt = DateTime.UtcNow,
            CreatedBy = "police.coord",
        };
        context.Webhooks.Add(webhook);
        await context.SaveChangesAsync();
        return webhook.Id;
    }

    private static async Task<ReceivedWebhook> ReceiveAsync(WebhookReceiver receiver) =>
        await receiver.Received.Reader.ReadAsync(TestContext.Current.CancellationToken).AsTask()
            .WaitAsync(TimeSpan.FromSeconds(15));
}
