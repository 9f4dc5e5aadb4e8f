using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Passerelle.Core.Hits;
using Passerelle.Core.TravelDocuments;
using Passerelle.IntegrationTests.Support;

namespace Passerelle.IntegrationTests.TravelDocuments;

/// <summary>
/// A database from before one open case per agency may hold several open cases on one record by one agency, and
/// cases "cleared": the migration merges the first into the oldest case and renames the second, on both databases.
/// </summary>
public sealed class OneOpenCaseMigrationTests
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Duplicate_open_cases_merge_into_the_oldest_and_cleared_becomes_recovered(Db db)
    {
        var app = await TestApp.StartAsync(db);
        Guid kept;
        Guid decided;
        await using (app)
        {
            var world = await RegisterWorld.BuildAsync(app);
            await world.RegisterAsync("L898902C3");
            await world.RegisterAsync("B12345678");
            var query = new { documentNumber = "L898902C3", issuingState = "UTO", purpose = "border-check" };
            kept = CaseOf(await RegisterWorld.ScreenAsync(world.CustomsOfficer, query));
            var other = new { documentNumber = "B12345678", issuingState = "UTO", purpose = "border-check" };
            decided = CaseOf(await RegisterWorld.ScreenAsync(world.CustomsOfficer, other));
            var decision = JsonContent.Create(new { note = "Found." });
            var recover = await world.PoliceCoordinator.PostAsync($"/api/v1/hits/{decided}/recover", decision);
            recover.EnsureSuccessStatusCode();
        }

        await using var context = app.NewContext();
        var migrator = context.GetService<IMigrator>();
        var migrations = context.Database.GetMigrations().ToList();
        var before = migrations[
            migrations.FindIndex(m => m.EndsWith("_OneOpenCasePerAgency", StringComparison.Ordinal)) - 1];
        await migrator.MigrateAsync(before);
        Assert.Equal("Cleared", await StatusAsync(context, decided));

        // What repeat screenings left before: two more open cases on the same record by the same agency.
        var opened = await context.Database
            .SqlQuery<DateTime>($"SELECT \"OpenedAt\" AS \"Value\" FROM hit_cases WHERE \"Id\" = {kept}").SingleAsync();
        var duplicates = new[]
        {
            (Id: Guid.CreateVersion7(), At: opened.AddMinutes(1), By: "douane.second"),
            (Id: Guid.CreateVersion7(), At: opened.AddMinutes(2), By: "douane.third"),
        };
        foreach (var (id, at, by) in duplicates)
        {
            await context.Database.ExecuteSqlAsync($"""
                INSERT INTO hit_cases ("Id", "DocumentId", "OwnerAgencyId", "Match", "QueriedNumber", "QueriedState",
                    "QueryingAgencyId", "QueryingUserId", "QueryingLogin", "Purpose", "Location", "OpenedAt", "Status")
                SELECT {id}, "DocumentId", "OwnerAgencyId", "Match", "QueriedNumber", "QueriedState",
                    "QueryingAgencyId", NULL, {by}, "Purpose", "Location", {at}, 'Open'
                FROM hit_cases WHERE "Id" = {kept}
                """);
            await context.Database.ExecuteSqlAsync($"""
                INSERT INTO hit_case_events ("CaseId", "At", "Kind", "By", "Note")
                VALUES ({id}, {at}, 'opened', {by}, 'hit for border-check')
                """);
            await context.Database.ExecuteSqlAsync($"""
                INSERT INTO notifications ("Id", "AgencyId", "Kind", "CaseId", "Message", "CreatedAt")
                SELECT {Guid.CreateVersion7()}, "OwnerAgencyId", 'hit.opened', {id}, 'HIT', {at}
                FROM hit_cases WHERE "Id" = {id}
                """);
        }

        // The oldest was a near match; a later one was exact: the merged case is a hit.
        await context.Database.ExecuteSqlAsync($"UPDATE hit_cases SET \"Match\" = 'Possible' WHERE \"Id\" = {kept}");

        await migrator.MigrateAsync();

        var cases = await context.HitCases.AsNoTracking().ToListAsync();
        Assert.Equal(2, cases.Count);
        var merged = cases.Single(c => c.Id == kept);
        Assert.Equal((HitStatus.Open, 3, "douane.third"), (merged.Status, merged.ScreenCount, merged.LastScreenedBy));
        Assert.Equal(duplicates[1].At, merged.LastScreenedAt, TimeSpan.FromMilliseconds(1));
        var kinds = await KindsAsync(context, kept);
        Assert.Equal(["opened", "notified", "screened-again", "screened-again"], kinds);
        Assert.Equal(MatchKind.Hit, merged.Match);
        var notes = await context.HitCaseEvents.Where(e => e.CaseId == kept && e.Kind == "screened-again")
            .OrderBy(e => e.Id).Select(e => e.Note).ToListAsync();
        Assert.Equal(
            duplicates.Select(d => $"hit for border-check · formerly case {d.Id}"), notes!, StringComparer.OrdinalIgnoreCase);
        Assert.Equal(3, await context.Notifications.CountAsync(n => n.CaseId == kept));
        var recovered = cases.Single(c => c.Id == decided);
        Assert.Equal((HitStatus.Recovered, 1), (recovered.Status, recovered.ScreenCount));
        Assert.Equal("recovered", (await KindsAsync(context, decided))[^1]);
        Assert.Equal(1, await context.Notifications.CountAsync(n => n.Kind == "hit.recovered"));
    }

    private static Guid CaseOf(System.Text.Json.JsonElement answer) =>
        answer.GetProperty("matches")[0].GetProperty("caseId").GetGuid();

    private static Task<List<string>> KindsAsync(Core.Data.PasserelleDb context, Guid id) =>
        context.HitCaseEvents.Where(e => e.CaseId == id).OrderBy(e => e.Id).Select(e => e.Kind).ToListAsync();

    private static Task<string> StatusAsync(DbContext context, Guid id) => context.Database
        .SqlQuery<string>($"SELECT \"Status\" AS \"Value\" FROM hit_cases WHERE \"Id\" = {id}").SingleAsync();
}
