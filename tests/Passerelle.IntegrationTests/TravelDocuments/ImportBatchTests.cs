using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Passerelle.Core.TravelDocuments;
using Passerelle.IntegrationTests.Support;

namespace Passerelle.IntegrationTests.TravelDocuments;

/// <summary>
/// How a batch of import rows meets the register: matched by key against the owner's live records in one query,
/// written below EF Core, audited once, and stamped with the audit entry's sequence that other nodes follow.
/// </summary>
public sealed class ImportBatchTests
{
    private const string Header = "documentNumber,issuingState,documentType,status,reportedOn\n";

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Rows_that_match_repeat_or_break_are_told_apart_and_a_rerun_writes_nothing(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var world = await RegisterWorld.BuildAsync(app);
        var changed = await world.RegisterAsync("L898902C3");
        await world.RegisterAsync("BE0000001", owner: world.OtherCoordinator);
        Assert.Equal((1, 0, 0, 0), Counts(await world.ImportAsync(Header + "KEPT00001,FRA,visa,lost,2026-09-01\n")));
        var csv = Header
            + "L898902C3,UTO,passport,lost,2026-09-30\n" // line 2: changes the French police's own record
            + "L898902C3,UTO,passport,lost,2026-09-30\n" // line 3: the same again, now unchanged
            + "NEW000001,FRA,identity-card,stolen,2026-09-30\n" // line 4: new
            + "NEW000001,FRA,identity-card,stolen,2026-09-30\n" // line 5: repeats line 4
            + "BAD000001,ZZZ,passport,stolen,2026-09-30\n" // line 6: no such state
            + "KEPT00001,FRA,visa,lost,2026-09-01\n" // line 7: as stored
            + "BAD000002,FRA,passport,stolen,\"2026\"-01-01\n" // line 8: breaks the CSV grammar
            + "BE0000001,UTO,passport,stolen,2026-09-30\n"; // line 9: another agency's; becomes an own record

        var first = await world.ImportAsync(csv);
        var second = await world.ImportAsync(csv);

        Assert.Equal((2, 1, 2, 3), Counts(first));
        Assert.Equal([5, 6, 8], Lines(first));
        Assert.Contains("repeats the document of an earlier line", Reasons(first)[0], StringComparison.Ordinal);
        Assert.Equal((0, 0, 6, 2), Counts(second));
        Assert.Equal([6, 8], Lines(second));
        await using var context = app.NewContext();
        var entries = await context.AuditEntries.Where(e => e.Operation == "document.imported")
            .OrderBy(e => e.Sequence).ToListAsync();
        var entry = Assert.Single(entries.Skip(1));
        using var details = JsonDocument.Parse(entry.Details!);
        Assert.Equal(
            (2, 9, 2, 1, 2),
            (Detail(details, "firstLine"), Detail(details, "lastLine"), Detail(details, "created"),
                Detail(details, "updated"), Detail(details, "unchanged")));
        var record = await context.TravelDocuments.SingleAsync(d => d.Id == changed);
        Assert.Equal((DocumentStatus.Lost, 2, entry.Sequence, (string?)null),
            (record.Status, record.Version, record.ChangeSequence, record.HolderName));
        var revisions = await context.TravelDocumentRevisions.Where(r => r.DocumentId == changed)
            .OrderBy(r => r.Version).ToListAsync();
        Assert.Equal([("created", 1), ("changed", 2)], revisions.Select(r => (r.Kind, r.Version)));
        Assert.Equal("imported (changed)", revisions[1].Changes);
        var owned = await context.TravelDocuments
            .Where(d => d.NormalizedNumber == "NEW000001" || d.NormalizedNumber == "BE0000001")
            .Join(context.Agencies, d => d.OwnerAgencyId, a => a.Id,
                (d, a) => new { a.Code, d.ChangeSequence, d.Id }).ToListAsync();
        Assert.Equal(3, owned.Count);
        Assert.All(owned.Where(o => o.Code == "FR-POLICE"), o => Assert.Equal(entry.Sequence, o.ChangeSequence));
        Assert.Equal(2, owned.Count(o => o.Code == "FR-POLICE"));
        var created = owned.Where(o => o.Code == "FR-POLICE").Select(o => o.Id).ToList();
        Assert.False(await context.TravelDocumentRevisions.AnyAsync(r => created.Contains(r.DocumentId)));
        foreach (var id in created)
        {
            Assert.Equal(
                [("created", 1, "imported (created)", "police.coord")],
                await ImportedRecordTests.HistoryAsync(world, id));
        }
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_file_longer_than_a_batch_commits_each_batch_with_its_own_entry_and_sequence(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var world = await RegisterWorld.BuildAsync(app);
        var csv = new StringBuilder(Header);
        for (var i = 0; i < ImportDocuments.BatchSize + 3; i++)
        {
            csv.Append($"B{i:D8},FRA,passport,stolen,2026-01-01\n");
        }

        // Line 4 repeats line 2 in the same batch; the last line repeats it in the next batch, which finds it stored.
        csv.Replace("B00000002,", "B00000000,");
        csv.Append("B00000000,FRA,passport,stolen,2026-01-01\nX,ZZZ,passport,stolen,\n");

        var report = await world.ImportAsync(csv.ToString());

        Assert.Equal((ImportDocuments.BatchSize + 2, 0, 1, 2), Counts(report));
        Assert.Equal([4, ImportDocuments.BatchSize + 6], Lines(report));
        await using var context = app.NewContext();
        var entries = await context.AuditEntries.Where(e => e.Operation == "document.imported")
            .OrderBy(e => e.Sequence).ToListAsync();
        Assert.Equal(2, entries.Count);
        var sequences = await context.TravelDocuments.GroupBy(d => d.ChangeSequence)
            .Select(g => new { Sequence = g.Key, Count = g.Count() }).OrderBy(g => g.Sequence).ToListAsync();
        Assert.Equal(
            [(entries[0].Sequence, ImportDocuments.BatchSize - 1), (entries[1].Sequence, 3)],
            sequences.Select(s => (s.Sequence, s.Count)));
        using var last = JsonDocument.Parse(entries[1].Details!);
        Assert.Equal((ImportDocuments.BatchSize + 2, ImportDocuments.BatchSize + 5),
            (Detail(last, "firstLine"), Detail(last, "lastLine")));
        Assert.Equal(0, await context.TravelDocumentRevisions.CountAsync());
        Assert.Equal(
            ImportDocuments.BatchSize + 2, await context.TravelDocuments
                .CountAsync(d => d.CreatedBy == "police.coord"));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_number_that_only_reads_alike_once_folded_is_another_document(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var world = await RegisterWorld.BuildAsync(app);
        await world.RegisterAsync("SO12345", "FRA");

        // 5012345 and SO12345 share their folded form, which screening matches as a possible hit; an import does not.
        var report = await world.ImportAsync(Header + "5012345,FRA,passport,stolen,2026-09-30\n"
            + "SO12345,FRA,passport,stolen,2026-09-30\n");

        Assert.Equal((1, 1, 0, 0), Counts(report));
        await using var context = app.NewContext();
        Assert.Equal(
            ["5012345", "SO12345"],
            (await context.TravelDocuments.Select(d => d.NormalizedNumber).ToListAsync())
                .Order(StringComparer.Ordinal));
    }

    private static (int, int, int, int) Counts(JsonElement report) =>
        (report.GetProperty("created").GetInt32(), report.GetProperty("updated").GetInt32(),
            report.GetProperty("unchanged").GetInt32(), report.GetProperty("rejected").GetArrayLength());

    private static int[] Lines(JsonElement report) =>
        [.. report.GetProperty("rejected").EnumerateArray().Select(r => r.GetProperty("line").GetInt32())];

    private static string[] Reasons(JsonElement report) =>
        [.. report.GetProperty("rejected").EnumerateArray().Select(r => r.GetProperty("reason").GetString()!)];

    private static int Detail(JsonDocument details, string name) => details.RootElement.GetProperty(name).GetInt32();
}
