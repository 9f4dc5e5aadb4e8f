using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Passerelle.IntegrationTests.Support;

namespace Passerelle.IntegrationTests.Foundation;

/// <summary>The audit trail and the hit inbox are read a page at a time, with the total and links between.</summary>
public sealed partial class PagingTests
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Audit_pages_keep_their_place_while_entries_are_written_and_each_page_read_is_audited(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        await app.AddAgencyAsync("FR-A");
        await app.AddUserAsync("FR-A", "dpo.a", "auditor");
        for (var i = 0; i < 30; i++)
        {
            await app.AddAgencyAsync($"NEW-{i:D2}");
        }

        var auditor = await HomePageTests.SignInAsync(app, "dpo.a");
        var (_, first) = await auditor.GetAsync("/Audit?operation=agency.created&size=25");
        Assert.Equal(25, Rows(first, "audit-entries"));
        Assert.Contains("Entries 1–25 of 31", Text(first), StringComparison.Ordinal);
        Assert.DoesNotContain("rel=\"prev\"", first, StringComparison.Ordinal);

        // Entries written meanwhile do not push the oldest ones onto a page the auditor never sees.
        for (var i = 0; i < 3; i++)
        {
            await app.AddAgencyAsync($"LATE-{i}");
        }

        var (_, second) = await auditor.GetAsync(Link(first, "next"));
        Assert.Equal(6, Rows(second, "audit-entries"));
        Assert.Contains("Entries 26–31 of 31", Text(second), StringComparison.Ordinal);
        Assert.Contains("agency:NEW-00", Text(second), StringComparison.Ordinal);
        Assert.DoesNotContain("agency:NEW-00", Text(first), StringComparison.Ordinal);
        Assert.DoesNotContain("rel=\"next\"", second, StringComparison.Ordinal);
        var (_, back) = await auditor.GetAsync(Link(second, "prev"));
        Assert.DoesNotContain("LATE-", Text(back), StringComparison.Ordinal);

        var (_, refused) = await auditor.GetAsync("/Audit?p=0");
        Assert.Contains("page is a number from 1, within the first 10000 items", Text(refused), StringComparison.Ordinal);
        // A deep page would have the database walk every row before it: past the count's cap, pages are refused.
        var (_, deep) = await auditor.GetAsync("/Audit?p=401&size=25");
        Assert.Contains("within the first 10000 items", Text(deep), StringComparison.Ordinal);
        await using var context = app.NewContext();
        var readings = await context.AuditEntries.Where(e => e.Operation == "audit.viewed" && e.Login == "dpo.a")
            .OrderBy(e => e.Sequence).Select(e => e.Details!).ToListAsync();
        Assert.Equal(3, readings.Count);
        Assert.Contains("\"page\":2", readings[1], StringComparison.Ordinal);
        Assert.Contains("\"before\":", readings[1], StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_hit_inbox_is_paged_with_open_cases_first(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        await app.AddAgencyAsync("FR-POLICE", "police");
        await app.AddAgencyAsync("FR-DOUANE");
        await app.AddUserAsync("FR-POLICE", "police.coord", "coordinator");
        await app.AddUserAsync("FR-DOUANE", "douane.officer", "officer");
        var police = app.ClientWithToken(await app.TokenAsync("police.coord"));
        var officer = app.ClientWithToken(await app.TokenAsync("douane.officer"));
        for (var i = 0; i < 28; i++)
        {
            var number = $"Y{i:D7}";
            var record = new { documentNumber = number, issuingState = "FRA", documentType = "passport", status = "stolen" };
            (await police.PostAsJsonAsync("/api/v1/documents", record)).EnsureSuccessStatusCode();
            var screening = new { documentNumber = number, issuingState = "FRA", purpose = "border-check" };
            (await officer.PostAsJsonAsync("/api/v1/documents/screen", screening)).EnsureSuccessStatusCode();
        }

        // The three newest cases are decided: they go to the end, behind every open one.
        foreach (var decided in (await police.GetFromJsonAsync<JsonElement>("/api/v1/hits")).EnumerateArray().Take(3))
        {
            var id = decided.GetProperty("id").GetGuid();
            (await police.PostAsJsonAsync($"/api/v1/hits/{id}/mismatch", new { note = "Other holder." })).EnsureSuccessStatusCode();
        }

        var coordinator = await HomePageTests.SignInAsync(app, "police.coord");
        var (response, first) = await coordinator.GetAsync("/Hits?size=25");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(25, Rows(first, "hit-cases"));
        Assert.Equal(25, Regex.Count(first, ">open</td>"));
        Assert.Contains("Cases 1–25 of 28", Text(first), StringComparison.Ordinal);
        var (_, second) = await coordinator.GetAsync(Link(first, "next"));
        Assert.Equal(3, Rows(second, "hit-cases"));
        Assert.Equal(3, Regex.Count(second, ">mismatch</td>"));
        Assert.Contains("Cases 26–28 of 28", Text(second), StringComparison.Ordinal);
    }

    private static int Rows(string html, string table) =>
        Regex.Match(html, $"<table id=\"{table}\".*?<tbody>(.*?)</tbody>", RegexOptions.Singleline).Groups[1].Value
            .Split("<tr>").Length - 1;

    private static string Link(string html, string rel) =>
        WebUtility.HtmlDecode(Regex.Match(html, $"rel=\"{rel}\" href=\"([^\"]+)\"").Groups[1].Value);

    private static string Text(string html) =>
        Regex.Replace(WebUtility.HtmlDecode(Regex.Replace(html, "<[^>]+>", "")), "\\s+", " ");
}
