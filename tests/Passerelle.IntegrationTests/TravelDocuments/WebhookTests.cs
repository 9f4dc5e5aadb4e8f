using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Passerelle.Core.Notifications;
using Passerelle.IntegrationTests.Support;

namespace Passerelle.IntegrationTests.TravelDocuments;

/// <summary>Deliveries go to real receivers on 127.0.0.1, which the tests' configuration allow-lists.</summary>
public sealed class WebhookTests
{
    private static readonly Dictionary<string, string?> AllowLoopbackAddress = new()
    {
        ["Webhooks:AllowedHosts:0"] = "127.0.0.1",
    };

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_hit_reaches_an_allow_listed_receiver_signed_the_standard_webhooks_way_and_is_retried_after_a_failure(Db db)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var time = new AdjustableTime();
        await using var app = await TestApp.StartAsync(db, AllowLoopbackAddress, services => services.AddSingleton<TimeProvider>(time));
        var world = await RegisterWorld.BuildAsync(app);
        await world.RegisterAsync("L898902C3");
        var secret = await RegisterAsync(world.PoliceCoordinator, receiver.Url("/hooks"));
        receiver.FailFirst = true;

        await RegisterWorld.ScreenAsync(world.CustomsOfficer, new { documentNumber = "L898902C3", issuingState = "UTO", purpose = "border-check" });
        await receiver.Failed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await using var context = app.NewContext();
        await WaitForAsync(() => context.WebhookDeliveries.AnyAsync(d => d.Attempts == 1));
        time.Advance(TimeSpan.FromSeconds(11));

        var delivery = await receiver.Received.Reader.ReadAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(15));
        Assert.Equal("hit.opened", JsonDocument.Parse(delivery.Body).RootElement.GetProperty("event").GetString());
        WebhookReceiver.AssertSigned(delivery, secret);
        await WaitForAsync(() => context.WebhookDeliveries.AnyAsync(d => d.DeliveredAt != null));
        var stored = await context.WebhookDeliveries.AsNoTracking().SingleAsync();
        Assert.Equal((2, 204, stored.Id.ToString()), (stored.Attempts, stored.LastStatus, delivery.Id));
        var operations = await context.AuditEntries.Select(e => e.Operation).ToListAsync();
        Assert.Contains("webhook.failed", operations);
        Assert.Contains("webhook.delivered", operations);
        var timeline = await context.HitCaseEvents.OrderBy(e => e.Id).Select(e => new { e.Kind, e.Note }).ToListAsync();
        Assert.Equal(["opened", "notified", "webhook-failed", "webhook-delivered"], timeline.Select(e => e.Kind));
        Assert.Equal(["attempt 1: HTTP 500", "attempt 2: HTTP 204"], timeline.Skip(2).Select(e => e.Note));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_redirect_is_not_followed_and_counts_as_a_failed_attempt_whose_timeline_shows_the_status_alone(Db db)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var elsewhere = await WebhookReceiver.StartAsync();
        receiver.RedirectTo = elsewhere.Url("/stolen");
        await using var app = await TestApp.StartAsync(db, AllowLoopbackAddress);
        var world = await RegisterWorld.BuildAsync(app);
        await world.RegisterAsync("L898902C3");
        await RegisterAsync(world.PoliceCoordinator, receiver.Url("/hooks"));

        await RegisterWorld.ScreenAsync(world.CustomsOfficer, new { documentNumber = "L898902C3", issuingState = "UTO", purpose = "border-check" });

        await using var context = app.NewContext();
        await WaitForAsync(() => context.WebhookDeliveries.AnyAsync(d => d.Attempts == 1));
        var stored = await context.WebhookDeliveries.AsNoTracking().SingleAsync();
        Assert.Equal((302, null, null), (stored.LastStatus, stored.DeliveredAt, stored.GaveUpAt));
        Assert.Equal(1, receiver.RequestsTo("/hooks"));
        Assert.Equal(0, elsewhere.AllRequests);
        var failed = await context.HitCaseEvents.Where(e => e.Kind == "webhook-failed").Select(e => e.Note).SingleAsync();
        Assert.Equal("attempt 1: HTTP 302", failed);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_name_that_resolves_to_this_machine_is_refused_at_connect_time_unless_its_host_is_allow_listed(Db db)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var app = await TestApp.StartAsync(db, AllowLoopbackAddress);
        var world = await RegisterWorld.BuildAsync(app);
        await world.RegisterAsync("L898902C3");
        await RegisterAsync(world.PoliceCoordinator, receiver.Url("/allowed"));
        // A name that pointed somewhere public when it was registered and now resolves to 127.0.0.1 (DNS rebinding).
        // Registration refuses "localhost" itself, so the row goes in directly; the OS resolver does the rest.
        var rebound = new UriBuilder(receiver.Url("/rebound")) { Host = "localhost" }.Uri;
        await using var context = app.NewContext();
        var police = await context.Agencies.Where(a => a.Code == "FR-POLICE").Select(a => a.Id).SingleAsync();
        context.Webhooks.Add(new Webhook
        {
            Id = Guid.CreateVersion7(),
            AgencyId = police,
            Url = rebound.ToString(),
            Secret = WebhookSignature.NewSecret(),
            CreatedAt = DateTime.UtcNow,
            CreatedBy = "police.coord",
        });
        await context.SaveChangesAsync();

        await RegisterWorld.ScreenAsync(world.CustomsOfficer, new { documentNumber = "L898902C3", issuingState = "UTO", purpose = "border-check" });

        await WaitForAsync(async () => await context.WebhookDeliveries.CountAsync(d => d.Attempts == 1) == 2);
        var deliveries = await context.WebhookDeliveries.AsNoTracking().Join(context.Webhooks, d => d.WebhookId, w => w.Id, (d, w) => new { w.Url, d.LastStatus, d.LastError }).ToListAsync();
        var refused = deliveries.Single(d => d.Url == rebound.ToString());
        Assert.Equal((null, "address refused"), (refused.LastStatus, refused.LastError));
        Assert.Equal(204, deliveries.Single(d => d.Url != rebound.ToString()).LastStatus);
        Assert.Equal((1, 0), (receiver.RequestsTo("/allowed"), receiver.RequestsTo("/rebound")));
        var notes = await context.HitCaseEvents.Where(e => e.Kind.StartsWith("webhook-")).Select(e => e.Note).ToListAsync();
        Assert.Equal(["attempt 1: HTTP 204", "attempt 1: no answer"], notes.Order(StringComparer.Ordinal));
        Assert.Contains(app.Logs.Lines, line => line.Contains("address refused", StringComparison.Ordinal));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_receiver_that_hangs_delays_no_other_delivery_and_times_out_as_no_answer(Db db)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.HangPath = "/slow";
        var settings = new Dictionary<string, string?>(AllowLoopbackAddress) { ["Webhooks:TimeoutSeconds"] = "5" };
        await using var app = await TestApp.StartAsync(db, settings);
        var world = await RegisterWorld.BuildAsync(app);
        await world.RegisterAsync("L898902C3");
        await world.RegisterAsync("B12345678", owner: world.OtherCoordinator);
        await RegisterAsync(world.PoliceCoordinator, receiver.Url("/slow"));
        await RegisterAsync(world.OtherCoordinator, receiver.Url("/fast"));

        await RegisterWorld.ScreenAsync(world.CustomsOfficer, new { documentNumber = "L898902C3", issuingState = "UTO", purpose = "border-check" });
        await WaitForAsync(() => Task.FromResult(receiver.RequestsTo("/slow") == 1));
        await RegisterWorld.ScreenAsync(world.CustomsOfficer, new { documentNumber = "B12345678", issuingState = "UTO", purpose = "border-check" });

        var fast = await receiver.Received.Reader.ReadAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(15));
        Assert.Equal("/fast", fast.Path);
        await using var context = app.NewContext();
        await WaitForAsync(async () => await context.WebhookDeliveries.CountAsync(d => d.Attempts == 1) == 2);
        var outcomes = await context.AuditEntries.Where(e => e.Operation.StartsWith("webhook.") && e.Operation != "webhook.created")
            .OrderBy(e => e.Sequence).Select(e => e.Operation).ToListAsync();
        Assert.Equal(["webhook.delivered", "webhook.failed"], outcomes);
        var slow = await context.WebhookDeliveries.AsNoTracking().SingleAsync(d => d.DeliveredAt == null);
        Assert.Equal((null, "timed out"), (slow.LastStatus, slow.LastError));
        Assert.Contains("attempt 1: no answer", await context.HitCaseEvents.Select(e => e.Note).ToListAsync());
    }

    /// <summary>Registers a webhook through the API and returns its secret.</summary>
    internal static async Task<string> RegisterAsync(HttpClient coordinator, Uri url)
    {
        var response = await coordinator.PostAsJsonAsync("/api/v1/webhooks", new { url });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secret").GetString()!;
    }

    internal static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 150; i++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The condition did not hold within 15 seconds.");
    }
}
