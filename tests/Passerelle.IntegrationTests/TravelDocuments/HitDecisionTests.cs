using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Passerelle.IntegrationTests.Support;

namespace Passerelle.IntegrationTests.TravelDocuments;

/// <summary>
/// The owner agency hears of a hit on its record and decides it; the officer who screened sees the decision.
/// </summary>
public sealed class HitDecisionTests
{
    // ICAO Doc 9303 Part 4, Appendix A: the TD3 specimen passport, document L898902C3.
    private const string Eriksson =
        "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10";

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_hit_tells_the_owner_who_confirms_and_the_officer_sees_the_decision(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var world = await RegisterWorld.BuildAsync(app);
        await world.RegisterAsync("L898902C3");

        var hit = await RegisterWorld.ScreenAsync(world.CustomsOfficer,
            new { mrz = Eriksson, purpose = "border-check", location = "CDG T2" });
        var caseId = hit.GetProperty("matches")[0].GetProperty("caseId").GetGuid();

        var inbox = await world.PoliceCoordinator.GetFromJsonAsync<JsonElement>("/api/v1/notifications");
        var notice = Assert.Single(inbox.EnumerateArray());
        Assert.Equal("hit.opened", notice.GetProperty("kind").GetString());
        Assert.Equal(caseId, notice.GetProperty("caseId").GetGuid());
        Assert.Contains("CDG T2", notice.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty((await world.OtherCoordinator.GetFromJsonAsync<JsonElement>("/api/v1/notifications"))
            .EnumerateArray());

        var confirmed = await world.PoliceCoordinator.PostAsJsonAsync($"/api/v1/hits/{caseId}/confirm",
            new { note = "Still wanted. Seize." });
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var view = await world.CustomsOfficer.GetFromJsonAsync<JsonElement>($"/api/v1/hits/{caseId}");
        Assert.Equal("confirmed", view.GetProperty("status").GetString());
        Assert.Equal(["opened", "notified", "confirmed"],
            view.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("kind").GetString()));
        var officerInbox = await world.CustomsOfficer.GetFromJsonAsync<JsonElement>("/api/v1/notifications");
        Assert.Contains("Seize", officerInbox[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict,
            (await world.PoliceCoordinator.PostAsJsonAsync($"/api/v1/hits/{caseId}/clear", new { })).StatusCode);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Marking_a_hit_recovered_marks_the_record_recovered_and_it_leaves_screening(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var world = await RegisterWorld.BuildAsync(app);
        var id = await world.RegisterAsync("L898902C3");
        var hit = await RegisterWorld.ScreenAsync(world.CustomsOfficer,
            new { mrz = Eriksson, purpose = "border-check" });
        var caseId = hit.GetProperty("matches")[0].GetProperty("caseId").GetGuid();

        var refused = await world.OtherCoordinator.PostAsJsonAsync($"/api/v1/hits/{caseId}/recover", new { });
        var decided = await world.PoliceCoordinator.PostAsJsonAsync($"/api/v1/hits/{caseId}/recover",
            new { note = "Ok" });

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        decided.EnsureSuccessStatusCode();
        var status = (await decided.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString();
        Assert.Equal("recovered", status);
        var record = await world.PoliceCoordinator.GetFromJsonAsync<JsonElement>($"/api/v1/documents/{id}");
        Assert.Equal("recovered", record.GetProperty("record").GetProperty("status").GetString());
        var officerInbox = await world.CustomsOfficer.GetFromJsonAsync<JsonElement>("/api/v1/notifications");
        Assert.Equal("hit.recovered", officerInbox[0].GetProperty("kind").GetString());
        await using var context = app.NewContext();
        var recovered = await context.AuditEntries
            .CountAsync(e => e.Operation == "hit.recovered" && e.EventCode == 6202);
        Assert.Equal(1, recovered);
        Assert.Equal("clear",
            (await RegisterWorld.ScreenAsync(world.CustomsOfficer,
                new { mrz = Eriksson, purpose = "border-check" })).GetProperty("result").GetString());
    }
}
