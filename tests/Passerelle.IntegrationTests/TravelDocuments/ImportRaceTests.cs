using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Passerelle.Core.TravelDocuments;
using Passerelle.Core.Trust.Access;
using Passerelle.IntegrationTests.Support;

namespace Passerelle.IntegrationTests.TravelDocuments;

/// <summary>
/// An import batch and the register's other writers, met at a fixed point: a change the API commits just before a
/// batch takes the chain's turn is what the batch matches against, never overwritten, resurrected or duplicated.
/// </summary>
public sealed class ImportRaceTests
{
    private const string Header = "documentNumber,issuingState,documentType,status,reportedOn\n";

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_record_withdrawn_as_a_batch_waits_for_its_turn_stays_withdrawn_and_the_row_makes_a_new_one(
        Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var world = await RegisterWorld.BuildAsync(app);
        var id = await world.RegisterAsync("L898902C3");

        var report = await ImportAsync(app, Header + "L898902C3,UTO,passport,lost,2026-09-30\n", async () =>
            (await world.PoliceCoordinator.DeleteAsync($"/api/v1/documents/{id}?reason=found"))
                .EnsureSuccessStatusCode());

        Assert.Equal((1, 0, 0), (report.Created, report.Updated, report.Unchanged));
        await using var context = app.NewContext();
        var tombstone = await context.TravelDocuments.SingleAsync(d => d.Id == id);
        Assert.Equal(
            (DocumentStatus.Stolen, 2, "found"),
            (tombstone.Status, tombstone.Version, tombstone.DeletionReason));
        Assert.NotNull(tombstone.DeletedAt);
        var live = await context.TravelDocuments
            .SingleAsync(d => d.NormalizedNumber == "L898902C3" && d.DeletedAt == null);
        Assert.Equal((DocumentStatus.Lost, 1), (live.Status, live.Version));
        Assert.Equal([("created", 1), ("deleted", 2)], await RevisionsAsync(context, id));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_record_changed_as_a_batch_waits_for_its_turn_is_changed_again_at_the_next_version(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var world = await RegisterWorld.BuildAsync(app);
        var id = await world.RegisterAsync("L898902C3");

        var remarks = new { remarks = "seen at the gate" };
        var report = await ImportAsync(app, Header + "L898902C3,UTO,passport,revoked,2026-09-30\n", async () =>
            (await world.PoliceCoordinator.PatchAsJsonAsync($"/api/v1/documents/{id}", remarks))
                .EnsureSuccessStatusCode());

        Assert.Equal((0, 1, 0), (report.Created, report.Updated, report.Unchanged));
        await using var context = app.NewContext();
        var record = await context.TravelDocuments.SingleAsync(d => d.Id == id);
        Assert.Equal((DocumentStatus.Revoked, 3, (string?)null), (record.Status, record.Version, record.Remarks));
        Assert.Equal([("created", 1), ("changed", 2), ("changed", 3)], await RevisionsAsync(context, id));
        var entry = await context.AuditEntries.Where(e => e.Operation == "document.imported").SingleAsync();
        Assert.Equal(entry.Sequence, record.ChangeSequence);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Two_imports_of_one_new_document_at_once_make_one_record_and_no_error(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var world = await RegisterWorld.BuildAsync(app);
        const string csv = Header + "NEW000001,FRA,identity-card,stolen,2026-09-30\n";
        JsonElement other = default;

        var report = await ImportAsync(app, csv, async () =>
        {
            var response = await world.PoliceCoordinator.PostAsync(
                "/api/v1/documents/import", new StringContent(csv, Encoding.UTF8, "text/csv"));
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
            other = await response.Content.ReadFromJsonAsync<JsonElement>();
        });

        Assert.Equal(1, other.GetProperty("created").GetInt32());
        Assert.Equal((0, 0, 1), (report.Created, report.Updated, report.Unchanged));
        await using var context = app.NewContext();
        Assert.Equal(1, await context.TravelDocuments.CountAsync(d => d.NormalizedNumber == "NEW000001"));
        Assert.Equal("police.coord", (await context.TravelDocuments.SingleAsync()).CreatedBy);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_batch_write_refuses_a_record_changed_or_withdrawn_since_its_match(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var world = await RegisterWorld.BuildAsync(app);
        var changed = await world.RegisterAsync("L898902C3");
        var withdrawn = await world.RegisterAsync("AB1234567");
        (await world.PoliceCoordinator.PatchAsJsonAsync($"/api/v1/documents/{changed}", new { remarks = "seen" }))
            .EnsureSuccessStatusCode();
        (await world.PoliceCoordinator.DeleteAsync($"/api/v1/documents/{withdrawn}?reason=found"))
            .EnsureSuccessStatusCode();

        // Each as a batch would have matched it: the changed one before its change, the withdrawn one live.
        var written = new List<bool>();
        foreach (var (id, matched) in new[] { (changed, 1), (withdrawn, 2) })
        {
            await using var context = app.NewContext();
            var record = await context.TravelDocuments.AsNoTracking().SingleAsync(d => d.Id == id);
            (record.DeletedAt, record.Status, record.Version) = (null, DocumentStatus.Revoked, matched + 1);
            var writes = new ImportWrites([], [record], [matched], [record], "import", DateTime.UtcNow);
            await using var transaction = await context.Database.BeginTransactionAsync();
            written.Add(await BulkDocuments.WriteAsync(context, writes, default));
        }

        Assert.Equal([false, false], written);
        await using var after = app.NewContext();
        Assert.Equal(
            [(DocumentStatus.Stolen, 2, true), (DocumentStatus.Stolen, 2, false)],
            (await after.TravelDocuments.OrderBy(d => d.NormalizedNumber).ToListAsync())
                .Select(d => (d.Status, d.Version, d.DeletedAt is not null)));
        Assert.Equal(4, await after.TravelDocumentRevisions.CountAsync());
    }

    private static async Task<List<(string Kind, int Version)>> RevisionsAsync(
        Core.Data.PasserelleDb context, Guid id) =>
        [.. (await context.TravelDocumentRevisions.Where(r => r.DocumentId == id).OrderBy(r => r.Version)
            .ToListAsync()).Select(r => (r.Kind, r.Version))];

    /// <summary>
    /// Imports <paramref name="csv"/> for French police through the handler itself, running
    /// <paramref name="meanwhile"/> once, as the first batch is about to take the chain's turn.
    /// </summary>
    private static async Task<ImportReport> ImportAsync(TestApp app, string csv, Func<Task> meanwhile)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var import = scope.ServiceProvider.GetRequiredService<ImportDocuments>();
        var pending = meanwhile;
        import.BeforeTurn = async _ =>
        {
            var run = Interlocked.Exchange(ref pending, null);
            if (run is not null)
            {
                await run();
            }
        };

        var result = await import.HandleAsync(Actor.Console(), "FR-POLICE", new StringReader(csv), null, default);
        Assert.True(result.Succeeded, result.Error?.Message);
        return result.Value!;
    }
}
