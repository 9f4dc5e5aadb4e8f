using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Passerelle.IntegrationTests.Support;
using Passerelle.IntegrationTests.TravelDocuments;

namespace Passerelle.IntegrationTests.Reliability;

/// <summary>
/// The link to PostgreSQL is cut under screening, as a database restart cuts it: every answer during the outage is
/// 503 <c>database.unavailable</c> with <c>Retry-After</c>, never a 500; the log holds one line for the storm, not
/// one per request; the node is unready while it lasts; and once the link is back the node serves again, with an
/// audit entry for every screening it answered.
/// </summary>
public sealed class DatabaseOutageTests
{
    private static readonly object Query = new
    {
        documentNumber = "L898902C3",
        issuingState = "UTO",
        purpose = "border-check"
    };

    /// <summary>
    /// Not in the register: its answer waits only on the audit writer, where a hit also opens a case.
    /// </summary>
    private static readonly object Unknown = new
    {
        documentNumber = "X12345678",
        issuingState = "UTO",
        purpose = "border-check"
    };

    [Fact]
    public async Task A_database_outage_answers_503_with_retry_after_and_service_returns_with_the_database()
    {
        var database = (await TestApp.DatabaseSettingsAsync(Db.PostgreSql))["ConnectionStrings:Passerelle"]!;
        await using var link = new CuttableLink(database);
        await using var app = await TestApp.StartAsync(Db.PostgreSql, new Dictionary<string, string?>
        {
            ["ConnectionStrings:Passerelle"] = link.ConnectionString,
        });
        var world = await RegisterWorld.BuildAsync(app);
        await world.RegisterAsync("L898902C3");
        var officer = world.CustomsOfficer;
        var answered = 0;
        Assert.Equal("hit", (await RegisterWorld.ScreenAsync(officer, Query)).GetProperty("result").GetString());
        answered++;

        link.Cut();
        var during = new List<HttpResponseMessage>();
        for (var i = 0; i < 20; i++)
        {
            during.Add(await officer.PostAsJsonAsync("/api/v1/documents/screen", i % 2 == 0 ? Query : Unknown));
        }

        var ready = await app.CreateClient().GetAsync("/health/ready");

        Assert.All(during, response => Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode));
        foreach (var response in during)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(TimeSpan.FromSeconds(2), response.Headers.RetryAfter?.Delta);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("database.unavailable", problem.GetProperty("code").GetString());
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var report = await ready.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Unhealthy",
            report.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("Unhealthy", report.GetProperty("checks").GetProperty("audit").GetProperty("status").GetString());
        // Anonymous, and outside Development: each dependency's status, but no words or figures for an outsider.
        Assert.False(report.GetProperty("checks").GetProperty("database").TryGetProperty("description", out _));
        // One line per distinct failure (a broken connection, a refused one), not one per request.
        var stormLines = app.Logs.Lines.Where(l => l.Contains("database is unavailable",
            StringComparison.Ordinal)).ToList();
        Assert.True(stormLines.Count is >= 1 and <= 4,
            string.Join("\n", stormLines.Select(l => l[..Math.Min(l.Length, 300)])));
        Assert.DoesNotContain(app.Logs.Lines,
            l => l.StartsWith("Error Microsoft.EntityFrameworkCore", StringComparison.Ordinal));

        link.Restore();
        Assert.True(await ServesAgainAsync(officer), "screening did not come back after the database did");
        answered++;
        Assert.True(await ReadyAgainAsync(app.CreateClient()), "the node stayed unready after the database came back");

        await using var context = app.NewContext();
        var screenings = await context.AuditEntries.CountAsync(e => e.Operation == "document.screened");
        Assert.True(screenings >= answered, $"{answered} screenings answered, {screenings} audited");
    }

    [Fact]
    public async Task A_read_that_meets_a_connection_broken_by_a_restart_is_tried_again_and_answered()
    {
        var database = (await TestApp.DatabaseSettingsAsync(Db.PostgreSql))["ConnectionStrings:Passerelle"]!;
        await using var link = new CuttableLink(database);
        await using var app = await TestApp.StartAsync(Db.PostgreSql, new Dictionary<string, string?>
        {
            ["ConnectionStrings:Passerelle"] = link.ConnectionString,
        });
        var world = await RegisterWorld.BuildAsync(app);
        var id = await world.RegisterAsync("L898902C3");
        (await world.PoliceCoordinator.GetAsync($"/api/v1/documents/{id}")).EnsureSuccessStatusCode();

        // The database restarted while the pool's connections sat idle: each of them is now broken.
        link.Cut();
        link.Restore();
        var read = await world.PoliceCoordinator.GetAsync($"/api/v1/documents/{id}");

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    [Fact]
    public async Task A_screening_after_a_restart_broke_the_audit_writers_idle_connection_is_answered()
    {
        var database = (await TestApp.DatabaseSettingsAsync(Db.PostgreSql))["ConnectionStrings:Passerelle"]!;
        await using var link = new CuttableLink(database);
        await using var app = await TestApp.StartAsync(Db.PostgreSql, new Dictionary<string, string?>
        {
            ["ConnectionStrings:Passerelle"] = link.ConnectionString,
        });
        var world = await RegisterWorld.BuildAsync(app);
        var officer = world.CustomsOfficer;
        (await officer.PostAsJsonAsync("/api/v1/documents/screen", Unknown)).EnsureSuccessStatusCode();

        // The writer keeps its connection open between batches; the restart leaves it broken while idle.
        link.Cut();
        link.Restore();
        var screened = await officer.PostAsJsonAsync("/api/v1/documents/screen", Unknown);

        Assert.Equal(HttpStatusCode.OK, screened.StatusCode);
        await using var context = app.NewContext();
        Assert.Equal(2, await context.AuditEntries.CountAsync(e => e.Operation == "document.screened"));
    }

    /// <summary>
    /// Asks for readiness until it is given, within a generous bound (each answer may be a second old).
    /// </summary>
    private static async Task<bool> ReadyAgainAsync(HttpClient client)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if ((await client.GetAsync("/health/ready")).IsSuccessStatusCode)
            {
                return true;
            }

            await Task.Delay(200);
        }

        return false;
    }

    /// <summary>Screens until an answer comes, within a generous bound, so a busy machine cannot fail it.</summary>
    private static async Task<bool> ServesAgainAsync(HttpClient officer)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var response = await officer.PostAsJsonAsync("/api/v1/documents/screen", Query);
            Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
            if (response.IsSuccessStatusCode)
            {
                return true;
            }

            await Task.Delay(100);
        }

        return false;
    }
}
