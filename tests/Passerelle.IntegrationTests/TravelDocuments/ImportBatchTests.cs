using System.Net.Http.Json;
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
        Assert.Equal((1, 0, 0, 0), Counts(await ImportAsync(world, Header + "KEPT00001,FRA,visa,lost,2026-09-01\n")));
        var csv = Header
            + "L898902C3,UTO,passport,lost,2026-09-30\n" // line 2: changes the French police's own record
            + "L898902C3,UTO,passport,lost,2026-09-30\n" // line 3: the same again, now unchanged
            + "NEW000001,FRA,identity-card,stolen,2026-09-30\n" // line 4: new
            + "NEW000001,FRA,identity-card,stolen,2026-09-30\n" // line 5: repeats line 4
            + "BAD000001,ZZZ,passport,stolen,2026-09-30\n" // line 6: no such state
            + "KEPT00001,FRA,visa,lost,2026-09-01\n" // line 7: as stored
            + "BAD000002,FRA,passport,stolen,\"2026\"-01-01\n" // line 8: breaks the CSV grammar
            + "BE0000001,UTO,passport,stolen,2026-09-30\n"; // line 9: another agency's; becomes an own record

        var first = await ImportAsync(world, csv);
        var second = await ImportAsync(world, csv);

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
            Assert.Equal([("created", 1, "imported (created)", "police.coord")], await HistoryAsync(world, id));
        }
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task An_imported_record_s_history_begins_with_its_import_and_lists_each_change_after(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var world = await RegisterWorld.BuildAsync(app);
        await ImportAsync(world, Header + "NEW000001,FRA,visa,stolen,2026-09-01\n");

        await ImportAsync(world, Header + "NEW000001,FRA,visa,revoked,2026-09-01\n");

        await using var context = app.NewContext();
        var record = await context.TravelDocuments.SingleAsync();
        Assert.Equal(
            [
                ("created", 1, "imported (created)", "police.coord"),
                ("changed", 2, "imported (changed)", "police.coord"),
            ],
            await HistoryAsync(world, record.Id));
        Assert.Equal(1, await context.TravelDocumentRevisions.CountAsync());
        var detail = await world.PoliceCoordinator.GetFromJsonAsync<JsonElement>($"/api/v1/documents/{record.Id}");
        Assert.Equal(record.CreatedAt, detail.GetProperty("history")[0].GetProperty("changedAt").GetDateTime());
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

        var report = await ImportAsync(world, csv.ToString());

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
        var report = await ImportAsync(world, Header + "5012345,FRA,passport,stolen,2026-09-30\n"
            + "SO12345,FRA,passport,stolen,2026-09-30\n");

        Assert.Equal((1, 1, 0, 0), Counts(report));
        await using var context = app.NewContext();
        Assert.Equal(
            ["5012345", "SO12345"],
            (await context.TravelDocuments.Select(d => d.NormalizedNumber).ToListAsync())
                .Order(StringComparer.Ordinal));
    }

    private static async Task<JsonElement> ImportAsync(RegisterWorld world, string csv)
    {
        var response = await world.PoliceCoordinator.PostAsync("/api/v1/documents/import",
            new StringContent(csv, Encoding.UTF8, "text/csv"));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Every_column_of_an_imported_record_reads_back_as_the_file_gave_it(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var world = await RegisterWorld.BuildAsync(app);
        var before = DateTime.UtcNow;

        await ImportAsync(world, DocumentCsv.Header + "\n\"Ab-12 345\",fra,identity-card,stolen,2020-01-31,2030-01-30,"
            + "2026-09-01,2026-08-31,PV-2026-ÉTÉ,2036-09-01,vu à la frontière,Müller Élodie,1974-08-12\n");

        await using var context = app.NewContext();
        var d = await context.TravelDocuments.SingleAsync();
        Assert.Equal(
            ("AB12345", "AB12345", "A812345", "FRA", DocumentType.IdentityCard, DocumentStatus.Stolen),
            (d.Number, d.NormalizedNumber, d.FoldedNumber, d.IssuingState, d.Type, d.Status));
        Assert.Equal(
            (new DateOnly(2020, 1, 31), new DateOnly(2030, 1, 30), new DateOnly(2026, 9, 1), new DateOnly(2026, 8, 31)),
            (d.IssuedOn, d.ExpiresOn, d.ReportedOn, d.TheftOrLossOn));
        Assert.Equal(
            ("PV-2026-ÉTÉ", new DateOnly(2036, 9, 1), "vu à la frontière", "MÜLLER ÉLODIE", new DateOnly(1974, 8, 12)),
            (d.NationalReference, d.ReviewOn, d.Remarks, d.HolderName, d.HolderBirthDate));
        var entry = await context.AuditEntries.SingleAsync(e => e.Operation == "document.imported");
        Assert.Equal(
            (1, (DateTime?)null, (string?)null, entry.Sequence, "police.coord", d.CreatedAt),
            (d.Version, d.DeletedAt, d.DeletionReason, d.ChangeSequence, d.CreatedBy, d.UpdatedAt));
        Assert.Equal(DateTimeKind.Utc, d.CreatedAt.Kind);
        Assert.InRange(d.CreatedAt, before.AddSeconds(-1), DateTime.UtcNow);
        Assert.Equal(d.Id, await context.TravelDocuments.Where(r => r.OwnerAgencyId == d.OwnerAgencyId)
            .Join(context.Agencies.Where(a => a.Code == "FR-POLICE"), r => r.OwnerAgencyId, a => a.Id, (r, _) => r.Id)
            .SingleAsync());
    }

    private static async Task<List<(string, int, string, string)>> HistoryAsync(RegisterWorld world, Guid id)
    {
        var detail = await world.PoliceCoordinator.GetFromJsonAsync<JsonElement>($"/api/v1/documents/{id}");
        return [.. detail.GetProperty("history").EnumerateArray().Select(h => (
            h.GetProperty("kind").GetString()!, h.GetProperty("version").GetInt32(),
            h.GetProperty("changes").GetString()!, h.GetProperty("changedBy").GetString()!))];
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
