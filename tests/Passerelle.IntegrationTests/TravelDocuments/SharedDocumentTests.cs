using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Passerelle.Core.TravelDocuments;
using Passerelle.IntegrationTests.Support;

namespace Passerelle.IntegrationTests.TravelDocuments;

/// <summary>
/// Two agencies may each report the same document as a record of their own. Registering, importing or being refused
/// never reveals another agency's record; screening finds every owner's record and tells each owner.
/// </summary>
public sealed class SharedDocumentTests
{
    // ICAO Doc 9303 Part 4, Appendix A: the TD3 specimen passport, document L898902C3.
    private const string Eriksson =
        "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10";

    private static readonly object BelgianReport = new
    {
        documentNumber = "L898 902 C3",
        issuingState = "UTO",
        documentType = "passport",
        status = "lost",
        nationalReference = "BE-PV-77",
    };

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Another_agency_registers_a_document_already_held_as_its_own_record_and_learns_nothing(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var world = await RegisterWorld.BuildAsync(app);
        var french = await world.RegisterAsync("L898902C3");

        var response = await world.OtherCoordinator.PostAsJsonAsync("/api/v1/documents", BelgianReport);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        AssertNothingOfTheFrenchRecord(french, body + response.Headers.Location);
        var belgian = JsonDocument.Parse(body).RootElement;
        Assert.Equal("BE-POLICE", belgian.GetProperty("ownerAgency").GetString());
        Assert.Equal("lost", belgian.GetProperty("status").GetString());
        var search = await world.OtherCoordinator.GetStringAsync("/api/v1/documents?number=L898902C3");
        AssertNothingOfTheFrenchRecord(french, search);
        await using var context = app.NewContext();
        var owners = await context.TravelDocuments.Where(d => d.DeletedAt == null)
            .Join(context.Agencies, d => d.OwnerAgencyId, a => a.Id, (d, a) => a.Code).ToListAsync();
        Assert.Equal(["BE-POLICE", "FR-POLICE"], owners.Order(StringComparer.Ordinal));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_duplicate_within_one_agency_is_a_409_naming_its_own_record_and_writes_nothing(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var world = await RegisterWorld.BuildAsync(app);
        var french = await world.RegisterAsync("L898902C3");
        var belgian = await world.RegisterAsync("L898902C3", owner: world.OtherCoordinator);
        await using var before = app.NewContext();
        var records = await before.TravelDocuments.CountAsync();
        var revisions = await before.TravelDocumentRevisions.CountAsync();

        var response = await world.OtherCoordinator.PostAsJsonAsync("/api/v1/documents", BelgianReport);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal("document.duplicate", problem.GetProperty("code").GetString());
        Assert.Contains(belgian.ToString(), problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        AssertNothingOfTheFrenchRecord(french, body);
        await using var after = app.NewContext();
        Assert.Equal(records, await after.TravelDocuments.CountAsync());
        Assert.Equal(revisions, await after.TravelDocumentRevisions.CountAsync());
        Assert.Equal(2, await after.AuditEntries.CountAsync(e => e.Operation == "document.registered"));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Screening_a_document_two_agencies_hold_opens_a_case_for_each_and_tells_each_owner(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var world = await RegisterWorld.BuildAsync(app);
        var french = await world.RegisterAsync("L898902C3");
        var belgian = await world.RegisterAsync("L898902C3", owner: world.OtherCoordinator);

        var hit = await ScreenErikssonAsync(world.CustomsOfficer);

        Assert.Equal("hit", hit.GetProperty("result").GetString());
        var matches = hit.GetProperty("matches").EnumerateArray().ToDictionary(
            m => m.GetProperty("ownerAgency").GetString()!,
            m => (Record: m.GetProperty("recordId").GetGuid(), Case: m.GetProperty("caseId").GetGuid()));
        Assert.Equal(["BE-POLICE", "FR-POLICE"], matches.Keys.Order(StringComparer.Ordinal));
        Assert.Equal((french, belgian), (matches["FR-POLICE"].Record, matches["BE-POLICE"].Record));
        Assert.NotEqual(matches["FR-POLICE"].Case, matches["BE-POLICE"].Case);

        var frenchNotice = Assert.Single(await InboxAsync(world.PoliceCoordinator));
        var belgianNotice = Assert.Single(await InboxAsync(world.OtherCoordinator));
        Assert.Equal(matches["FR-POLICE"].Case, frenchNotice.GetProperty("caseId").GetGuid());
        Assert.Equal(matches["BE-POLICE"].Case, belgianNotice.GetProperty("caseId").GetGuid());
        Assert.DoesNotContain("BE-POLICE", frenchNotice.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("FR-POLICE", belgianNotice.GetRawText(), StringComparison.Ordinal);

        await using var context = app.NewContext();
        var cases = await context.HitCases.ToDictionaryAsync(h => h.DocumentId, h => h.Id);
        Assert.Equal(new Dictionary<Guid, Guid>
        {
            [french] = matches["FR-POLICE"].Case,
            [belgian] = matches["BE-POLICE"].Case,
        }, cases);

        // One screening, one consultation in the trail, naming both cases.
        var screening = await context.AuditEntries.SingleAsync(e => e.Operation == "document.screened");
        Assert.Contains("\"result\":\"hit\"", screening.Details, StringComparison.Ordinal);
        Assert.Contains(matches["FR-POLICE"].Case.ToString(), screening.Details, StringComparison.Ordinal);
        Assert.Contains(matches["BE-POLICE"].Case.ToString(), screening.Details, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task When_one_agency_withdraws_its_record_the_other_s_is_still_a_hit_on_every_node(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var world = await RegisterWorld.BuildAsync(app);
        var french = await world.RegisterAsync("L898902C3");
        var belgian = await world.RegisterAsync("L898902C3", owner: world.OtherCoordinator);

        // A second node loads both records from the database at start-up, then follows the withdrawal.
        await using var node = await TestApp.StartNodeAsync(app);
        var officerOnNode = node.ClientWithToken(await node.TokenAsync("douane.officer", "documents:screen"));
        var withdrawn = await world.PoliceCoordinator.DeleteAsync($"/api/v1/documents/{french}?reason=Recovered");
        withdrawn.EnsureSuccessStatusCode();
        await world.RegisterAsync("ZZ0000001");
        var marker = new { documentNumber = "ZZ0000001", issuingState = "UTO", purpose = "border-check" };
        Assert.True(await FollowedAsync(officerOnNode, marker), "the second node did not follow the register in 5 s");

        foreach (var officer in new[] { world.CustomsOfficer, officerOnNode })
        {
            var hit = await ScreenErikssonAsync(officer);
            Assert.Equal("hit", hit.GetProperty("result").GetString());
            var match = Assert.Single(hit.GetProperty("matches").EnumerateArray());
            Assert.Equal(belgian, match.GetProperty("recordId").GetGuid());
        }
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task An_import_of_a_document_another_agency_holds_creates_an_own_record_and_a_rerun_adds_nothing(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var world = await RegisterWorld.BuildAsync(app);
        var french = await world.RegisterAsync("L898902C3");
        const string Csv = "documentNumber,issuingState,documentType,status,nationalReference\n" +
            "L898902C3,UTO,passport,lost,BE-PV-77\n";

        var first = await world.OtherCoordinator.PostAsync("/api/v1/documents/import", CsvContent(Csv));
        var firstBody = await first.Content.ReadAsStringAsync();
        var second = await world.OtherCoordinator.PostAsync("/api/v1/documents/import", CsvContent(Csv));
        var secondBody = await second.Content.ReadAsStringAsync();

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
        AssertNothingOfTheFrenchRecord(french, firstBody + secondBody);
        Assert.Equal((1, 0, 0, 0), Counts(firstBody));
        Assert.Equal((0, 0, 1, 0), Counts(secondBody));
        await using var context = app.NewContext();
        var records = await context.TravelDocuments
            .Join(context.Agencies, d => d.OwnerAgencyId, a => a.Id, (d, a) => new { a.Code, d.Status }).ToListAsync();
        Assert.Equal(
            [("BE-POLICE", DocumentStatus.Lost), ("FR-POLICE", DocumentStatus.Stolen)],
            records.Select(r => (r.Code, r.Status)).OrderBy(r => r.Code, StringComparer.Ordinal));
        var screened = await ScreenErikssonAsync(world.CustomsOfficer);
        Assert.Equal(2, screened.GetProperty("matches").GetArrayLength());
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_refused_registration_is_audited_and_says_nothing_of_the_record_held(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var world = await RegisterWorld.BuildAsync(app);
        var french = await world.RegisterAsync("L898902C3");
        var officer = app.ClientWithToken(await app.TokenAsync("douane.officer"));

        var response = await officer.PostAsJsonAsync("/api/v1/documents", BelgianReport);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        AssertNothingOfTheFrenchRecord(french, body);
        await using var context = app.NewContext();
        var denied = await context.AuditEntries.SingleAsync(e => e.Operation == "access.denied");
        Assert.Equal(
            ("denied", "douane.officer", "FR-DOUANE", "documents"),
            (denied.Outcome, denied.Login, denied.AgencyCode, denied.Target));
        Assert.Equal(1, await context.TravelDocuments.CountAsync());
    }

    /// <summary>Nothing that would tell another agency that French police holds the document.</summary>
    private static void AssertNothingOfTheFrenchRecord(Guid french, string text)
    {
        Assert.DoesNotContain(french.ToString(), text, StringComparison.OrdinalIgnoreCase);
        foreach (var part in new[] { "FR-POLICE", "PV-2026-0042", "ERIKSSON", "1974-08-12" })
        {
            Assert.DoesNotContain(part, text, StringComparison.OrdinalIgnoreCase);
        }
    }

    private static (int Created, int Updated, int Unchanged, int Rejected) Counts(string report)
    {
        var json = JsonDocument.Parse(report).RootElement;
        return (json.GetProperty("created").GetInt32(), json.GetProperty("updated").GetInt32(),
            json.GetProperty("unchanged").GetInt32(), json.GetProperty("rejected").GetArrayLength());
    }

    private static Task<JsonElement> ScreenErikssonAsync(HttpClient officer) =>
        RegisterWorld.ScreenAsync(officer, new { mrz = Eriksson, purpose = "border-check" });

    private static StringContent CsvContent(string csv) => new(csv, Encoding.UTF8, "text/csv");

    private static async Task<List<JsonElement>> InboxAsync(HttpClient client) =>
        [.. (await client.GetFromJsonAsync<JsonElement>("/api/v1/notifications")).EnumerateArray()];

    /// <summary>Screens on a node until the query hits; the bound is generous, so a busy machine cannot fail it.</summary>
    private static async Task<bool> FollowedAsync(HttpClient client, object query)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(20))
        {
            if ((await RegisterWorld.ScreenAsync(client, query)).GetProperty("result").GetString() == "hit")
            {
                return true;
            }

            await Task.Delay(50);
        }

        return false;
    }
}
