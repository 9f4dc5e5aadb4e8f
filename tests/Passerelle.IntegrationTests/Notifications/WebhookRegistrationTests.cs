using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Passerelle.IntegrationTests.Support;
using Passerelle.IntegrationTests.TravelDocuments;

namespace Passerelle.IntegrationTests.Notifications;

/// <summary>Registration under the default configuration: nothing is allow-listed.</summary>
public sealed class WebhookRegistrationTests
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_webhook_to_this_machine_a_private_network_or_over_plain_http_is_refused_naming_the_url(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var world = await RegisterWorld.BuildAsync(app);
        string[][] cases =
        [
            ["http://127.0.0.1:9/x", "webhook.url-scheme"],
            ["https://127.0.0.1:9/x", "webhook.url-address"],
            ["https://169.254.169.254/", "webhook.url-address"],
            ["https://10.0.0.1/hooks", "webhook.url-address"],
            ["https://192.168.1.20/hooks", "webhook.url-address"],
            ["https://[::1]/hooks", "webhook.url-address"],
            ["https://[::ffff:169.254.169.254]/", "webhook.url-address"],
            ["https://[fe80::1]/hooks", "webhook.url-address"],
            ["https://localhost/hooks", "webhook.url-address"],
            ["http://hooks.example.org/passerelle", "webhook.url-scheme"],
            ["https://user:password@hooks.example.org/passerelle", "webhook.url-userinfo"],
            ["not a url", "webhook.url"],
        ];

        foreach (var (url, code) in cases.Select(c => (c[0], c[1])))
        {
            var response = await world.PoliceCoordinator.PostAsJsonAsync("/api/v1/webhooks", new { url });

            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{url}: {response.StatusCode}");
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(code, problem.GetProperty("code").GetString());
            Assert.True(problem.GetProperty("errors").TryGetProperty("url", out _), url);
        }

        await using var context = app.NewContext();
        Assert.Empty(await context.Webhooks.ToListAsync());
        Assert.DoesNotContain("webhook.created", await context.AuditEntries.Select(e => e.Operation).ToListAsync());
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_sixth_active_webhook_is_refused_and_nothing_is_written_until_one_is_stopped(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var world = await RegisterWorld.BuildAsync(app);
        var ids = new List<Guid>();
        for (var i = 1; i <= 5; i++)
        {
            var created = await world.PoliceCoordinator.PostAsJsonAsync("/api/v1/webhooks", new { url = $"https://hooks{i}.example.org/passerelle" });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            ids.Add((await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        }

        var sixth = await world.PoliceCoordinator.PostAsJsonAsync("/api/v1/webhooks", new { url = "https://hooks6.example.org/passerelle" });

        Assert.Equal(HttpStatusCode.Conflict, sixth.StatusCode);
        Assert.Equal("webhook.limit", (await sixth.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        await using var context = app.NewContext();
        Assert.Equal(5, await context.Webhooks.CountAsync());
        Assert.Equal(5, await context.AuditEntries.CountAsync(e => e.Operation == "webhook.created"));
        var other = await world.OtherCoordinator.PostAsJsonAsync("/api/v1/webhooks", new { url = "https://hooks.example.be/passerelle" });
        Assert.Equal(HttpStatusCode.Created, other.StatusCode);
        (await world.PoliceCoordinator.DeleteAsync($"/api/v1/webhooks/{ids[0]}")).EnsureSuccessStatusCode();
        var again = await world.PoliceCoordinator.PostAsJsonAsync("/api/v1/webhooks", new { url = "https://hooks6.example.org/passerelle" });
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Listing_webhooks_is_audited_with_its_purpose_and_shows_no_secret(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var world = await RegisterWorld.BuildAsync(app);
        var created = await world.PoliceCoordinator.PostAsJsonAsync("/api/v1/webhooks", new { url = "https://hooks.example.org/passerelle" });
        var secret = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secret").GetString()!;

        var listed = await world.PoliceCoordinator.GetStringAsync("/api/v1/webhooks");

        Assert.Contains("https://hooks.example.org/passerelle", listed, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, listed, StringComparison.Ordinal);
        await using var context = app.NewContext();
        var entry = await context.AuditEntries.SingleAsync(e => e.Operation == "webhook.listed");
        Assert.Equal(("police.coord", "webhook-management", "webhooks:FR-POLICE"), (entry.Login, entry.Purpose, entry.Target));
    }
}
