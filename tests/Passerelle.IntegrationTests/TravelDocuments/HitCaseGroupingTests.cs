using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Passerelle.Core.Hits;
using Passerelle.IntegrationTests.Support;

namespace Passerelle.IntegrationTests.TravelDocuments;

/// <summary>One open case per record and querying agency: a repeat screening joins it; the owner hears once.</summary>
public sealed class HitCaseGroupingTests
{
    private static readonly object Query =
        new { documentNumber = "L898902C3", issuingState = "UTO", purpose = "border-check", location = "CDG T2" };

    private static Guid CaseOf(JsonElement answer) => answer.GetProperty("matches")[0].GetProperty("caseId").GetGuid();

    private static int ScreeningsOf(JsonElement answer) =>
        answer.GetProperty("matches")[0].GetProperty("screenings").GetInt32();

    private static async Task<int> InboxCountAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/notifications")).GetArrayLength();

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Three_screenings_of_a_record_by_one_agency_leave_one_open_case_of_3_and_one_notification(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var world = await RegisterWorld.BuildAsync(app);
        await world.RegisterAsync("L898902C3");
        await WebhookTests.RegisterAsync(world.PoliceCoordinator, new Uri("https://hooks.example.org/passerelle"));
        await app.AddUserAsync("FR-DOUANE", "douane.second", "officer");
        var token = await app.TokenAsync("douane.second", "documents:screen", "notifications:read");
        var second = app.ClientWithToken(token);

        var first = await RegisterWorld.ScreenAsync(world.CustomsOfficer, Query);
        var again = await RegisterWorld.ScreenAsync(world.CustomsOfficer, Query);
        var third = await RegisterWorld.ScreenAsync(second, Query);

        Assert.Equal(CaseOf(first), CaseOf(again));
        Assert.Equal(CaseOf(first), CaseOf(third));
        Assert.Equal([1, 2, 3], new[] { first, again, third }.Select(ScreeningsOf));
        await using var context = app.NewContext();
        var hit = await context.HitCases.AsNoTracking().SingleAsync();
        Assert.Equal((HitStatus.Open, 3, "douane.second"), (hit.Status, hit.ScreenCount, hit.LastScreenedBy));
        Assert.Equal(1, await InboxCountAsync(world.PoliceCoordinator));
        Assert.Equal(1, await context.WebhookDeliveries.CountAsync());
        var screenings = await context.AuditEntries.Where(e => e.Operation == "document.screened")
            .Select(e => e.Details).ToListAsync();
        Assert.Equal(3, screenings.Count);
        Assert.All(screenings, details => Assert.Contains(hit.Id.ToString(), details, StringComparison.Ordinal));

        // Whoever screened it follows the case, and both the first and the last screener hear the decision.
        var view = await second.GetFromJsonAsync<JsonElement>($"/api/v1/hits/{hit.Id}");
        Assert.Equal(3, view.GetProperty("screenings").GetInt32());
        // Webhook attempts (to a host that does not answer here) land on the timeline whenever they happen.
        var timeline = view.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("kind").GetString()!)
            .Where(k => !k.StartsWith("webhook-", StringComparison.Ordinal));
        Assert.Equal(["opened", "notified", "screened-again", "screened-again"], timeline);
        var confirmed = await world.PoliceCoordinator.PostAsJsonAsync($"/api/v1/hits/{hit.Id}/confirm", new { });
        confirmed.EnsureSuccessStatusCode();
        Assert.Equal((1, 1), (await InboxCountAsync(world.CustomsOfficer), await InboxCountAsync(second)));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Another_agency_gets_its_own_case_and_a_decided_case_is_followed_by_a_new_one(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var world = await RegisterWorld.BuildAsync(app);
        await world.RegisterAsync("L898902C3");

        var customs = CaseOf(await RegisterWorld.ScreenAsync(world.CustomsOfficer, Query));
        var belgian = CaseOf(await RegisterWorld.ScreenAsync(world.OtherCoordinator, Query));
        Assert.NotEqual(customs, belgian);
        Assert.Equal(2, await InboxCountAsync(world.PoliceCoordinator));

        var confirmed = await world.PoliceCoordinator.PostAsJsonAsync($"/api/v1/hits/{customs}/confirm", new { });
        confirmed.EnsureSuccessStatusCode();
        var after = await RegisterWorld.ScreenAsync(world.CustomsOfficer, Query);

        Assert.NotEqual(customs, CaseOf(after));
        Assert.Equal(1, ScreeningsOf(after));
        Assert.Equal(3, await InboxCountAsync(world.PoliceCoordinator));
        await using var context = app.NewContext();
        var statuses = await context.HitCases.AsNoTracking().OrderBy(h => h.OpenedAt).Select(h => h.Status)
            .ToListAsync();
        Assert.Equal([HitStatus.Confirmed, HitStatus.Open, HitStatus.Open], statuses);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Screenings_at_the_same_moment_join_one_case_and_each_is_audited(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var world = await RegisterWorld.BuildAsync(app);
        await world.RegisterAsync("L898902C3");
        const int at = 8;

        var answers = await Task.WhenAll(
            Enumerable.Range(0, at).Select(_ => RegisterWorld.ScreenAsync(world.CustomsOfficer, Query)));

        Assert.Single(answers.Select(CaseOf).Distinct());
        Assert.Equal(Enumerable.Range(1, at), answers.Select(ScreeningsOf).Order());
        await using var context = app.NewContext();
        Assert.Equal(at, (await context.HitCases.AsNoTracking().SingleAsync()).ScreenCount);
        Assert.Equal(1, await InboxCountAsync(world.PoliceCoordinator));
        Assert.Equal(at, await context.AuditEntries.CountAsync(e => e.Operation == "document.screened"));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_database_itself_refuses_a_second_open_case_for_one_record_and_agency(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var world = await RegisterWorld.BuildAsync(app);
        await world.RegisterAsync("L898902C3");
        await RegisterWorld.ScreenAsync(world.CustomsOfficer, Query);
        await using var context = app.NewContext();
        var open = await context.HitCases.AsNoTracking().SingleAsync();

        context.HitCases.Add(new HitCase
        {
            Id = Guid.CreateVersion7(),
            DocumentId = open.DocumentId,
            OwnerAgencyId = open.OwnerAgencyId,
            QueriedNumber = "L898902C3",
            QueryingAgencyId = open.QueryingAgencyId,
            QueryingLogin = "sneaky",
            Purpose = "test",
            Status = HitStatus.Open,
        });

        await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync());
        await using var fresh = app.NewContext();
        Assert.Equal(1, await fresh.HitCases.CountAsync());
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_owners_investigator_reads_its_hit_cases_but_does_not_decide_them(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var world = await RegisterWorld.BuildAsync(app);
        await world.RegisterAsync("L898902C3");
        await app.AddUserAsync("FR-POLICE", "police.investigator", "investigator");
        await app.AddUserAsync("BE-POLICE", "be.investigator", "investigator");
        var investigator = app.ClientWithToken(await app.TokenAsync("police.investigator"));
        var foreign = app.ClientWithToken(await app.TokenAsync("be.investigator"));
        var caseId = CaseOf(await RegisterWorld.ScreenAsync(world.CustomsOfficer, Query));

        var list = await investigator.GetFromJsonAsync<JsonElement>("/api/v1/hits");
        var read = await investigator.GetAsync($"/api/v1/hits/{caseId}");
        var decide = await investigator.PostAsJsonAsync($"/api/v1/hits/{caseId}/confirm", new { });

        Assert.Equal(caseId, Assert.Single(list.EnumerateArray()).GetProperty("id").GetGuid());
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, decide.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await foreign.GetAsync($"/api/v1/hits/{caseId}")).StatusCode);
        Assert.Empty((await foreign.GetFromJsonAsync<JsonElement>("/api/v1/hits")).EnumerateArray());
        await using var context = app.NewContext();
        Assert.Equal(HitStatus.Open, (await context.HitCases.AsNoTracking().SingleAsync()).Status);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_former_names_still_work_clear_decides_recovered_and_cleared_filters_recovered(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var world = await RegisterWorld.BuildAsync(app);
        await world.RegisterAsync("L898902C3");
        var caseId = CaseOf(await RegisterWorld.ScreenAsync(world.CustomsOfficer, Query));

        var decided = await world.PoliceCoordinator.PostAsJsonAsync($"/api/v1/hits/{caseId}/clear", new { });
        var cleared = await world.PoliceCoordinator.GetFromJsonAsync<JsonElement>("/api/v1/hits?status=cleared");
        var recovered = await world.PoliceCoordinator.GetFromJsonAsync<JsonElement>("/api/v1/hits?status=recovered");

        var status = (await decided.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString();
        Assert.Equal("recovered", status);
        Assert.Equal(caseId, Assert.Single(cleared.EnumerateArray()).GetProperty("id").GetGuid());
        Assert.Equal(caseId, Assert.Single(recovered.EnumerateArray()).GetProperty("id").GetGuid());
        var wrong = await world.PoliceCoordinator.GetAsync("/api/v1/hits?status=clear");
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Two_decisions_sent_at_once_leave_one_decision_and_the_other_is_a_409(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var world = await RegisterWorld.BuildAsync(app);
        await world.RegisterAsync("L898902C3");
        var id = CaseOf(await RegisterWorld.ScreenAsync(world.CustomsOfficer, Query));

        var answers = await Task.WhenAll(
            world.PoliceCoordinator.PostAsJsonAsync($"/api/v1/hits/{id}/confirm", new { }),
            world.PoliceCoordinator.PostAsJsonAsync($"/api/v1/hits/{id}/recover", new { }));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
        await using var context = app.NewContext();
        var decisions = await context.AuditEntries.CountAsync(
            e => e.Operation == "hit.confirmed" || e.Operation == "hit.recovered");
        var recovered = await context.TravelDocuments.CountAsync(d => d.Status == Core.TravelDocuments.DocumentStatus.Recovered);
        var hit = await context.HitCases.AsNoTracking().SingleAsync();
        Assert.Equal(1, decisions);
        Assert.Equal(hit.Status == HitStatus.Recovered ? 1 : 0, recovered);
        Assert.Equal(1, await context.HitCaseEvents.CountAsync(e => e.Kind == "confirmed" || e.Kind == "recovered"));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_decision_note_of_1000_characters_is_kept_and_its_notice_is_cut_to_fit(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var world = await RegisterWorld.BuildAsync(app);
        await world.RegisterAsync("L898902C3");
        var id = CaseOf(await RegisterWorld.ScreenAsync(world.CustomsOfficer, Query));
        var note = new string('n', 1000);

        var decided = await world.PoliceCoordinator.PostAsJsonAsync($"/api/v1/hits/{id}/confirm", new { note });

        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        await using var context = app.NewContext();
        Assert.Equal(note, (await context.HitCases.AsNoTracking().SingleAsync()).DecisionNote);
        var notice = await context.Notifications.AsNoTracking().SingleAsync(n => n.Kind == "hit.confirmed");
        Assert.Equal(1000, notice.Message.Length);
        Assert.EndsWith("n…", notice.Message, StringComparison.Ordinal);
    }
}
