using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Passerelle.Core.TravelDocuments;
using Passerelle.Core.Trust.Access;
using Passerelle.IntegrationTests.Support;

namespace Passerelle.IntegrationTests.TravelDocuments;

/// <summary>
/// The owner's registration, change or withdrawal of a record and the register's other writers, met at a fixed point:
/// whatever commits just before the owner's operation takes the chain's turn is what the operation finds, never
/// written over or duplicated, and every revision has a version of its own.
/// </summary>
public sealed class OwnerRaceTests
{
    private const string Header = "documentNumber,issuingState,documentType,status,reportedOn\n";

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_change_refused_as_bad_input_is_answered_without_waiting_for_the_chain_s_turn(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var world = await RegisterWorld.BuildAsync(app);
        var id = await world.RegisterAsync("L898902C3");

        await using var scope = app.Services.CreateAsyncScope();
        var change = scope.ServiceProvider.GetRequiredService<ChangeDocument>();
        var waited = false;
        change.BeforeTurn = _ =>
        {
            waited = true;
            return Task.CompletedTask;
        };
        var result = await change.HandleAsync(
            await RegisterWorld.OwnerActorAsync(app), id, new ChangeDocumentRequest(Status: "misplaced"), default);

        Assert.Equal("document.status", result.Error?.Code);
        Assert.False(waited);
        await using var context = app.NewContext();
        Assert.Equal(1, (await context.TravelDocuments.SingleAsync(d => d.Id == id)).Version);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_record_imported_over_as_a_change_waits_for_its_turn_is_changed_from_what_the_import_wrote(
        Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var world = await RegisterWorld.BuildAsync(app);
        var id = await world.RegisterAsync("L898902C3");

        await using var scope = app.Services.CreateAsyncScope();
        var change = scope.ServiceProvider.GetRequiredService<ChangeDocument>();
        change.BeforeTurn = _ => ImportAsync(app, Header + "L898902C3,UTO,passport,lost,2026-09-30\n");
        var result = await change.HandleAsync(
            await RegisterWorld.OwnerActorAsync(app), id, new ChangeDocumentRequest(Status: "revoked"), default);

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal(3, result.Value.Version);
        await using var context = app.NewContext();
        var record = await context.TravelDocuments.SingleAsync(d => d.Id == id);
        Assert.Equal((DocumentStatus.Revoked, 3), (record.Status, record.Version));
        Assert.Equal([("created", 1), ("changed", 2), ("changed", 3)], await RevisionsAsync(context, id));
        var last = await context.TravelDocumentRevisions.SingleAsync(r => r.DocumentId == id && r.Version == 3);
        Assert.Equal("status: lost → revoked", last.Changes);
        var entry = await context.AuditEntries.Where(e => e.Operation == "document.changed")
            .OrderByDescending(e => e.Sequence).FirstAsync();
        Assert.Equal(entry.Sequence, record.ChangeSequence);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_record_changed_as_a_withdrawal_waits_for_its_turn_keeps_the_change_in_its_tombstone(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var world = await RegisterWorld.BuildAsync(app);
        var id = await world.RegisterAsync("L898902C3");

        await using var scope = app.Services.CreateAsyncScope();
        var delete = scope.ServiceProvider.GetRequiredService<DeleteDocument>();
        delete.BeforeTurn = async ct =>
            (await world.PoliceCoordinator.PatchAsJsonAsync($"/api/v1/documents/{id}", new { remarks = "seen" }, ct))
                .EnsureSuccessStatusCode();
        var result = await delete.HandleAsync(await RegisterWorld.OwnerActorAsync(app), id, "found", default);

        Assert.True(result.Succeeded, result.Error?.Message);
        await using var context = app.NewContext();
        var tombstone = await context.TravelDocuments.SingleAsync(d => d.Id == id);
        Assert.Equal(("seen", 3, "found"), (tombstone.Remarks, tombstone.Version, tombstone.DeletionReason));
        Assert.NotNull(tombstone.DeletedAt);
        Assert.Equal([("created", 1), ("changed", 2), ("deleted", 3)], await RevisionsAsync(context, id));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Of_two_withdrawals_of_one_record_at_once_the_second_finds_no_live_record(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var world = await RegisterWorld.BuildAsync(app);
        var id = await world.RegisterAsync("L898902C3");

        await using var scope = app.Services.CreateAsyncScope();
        var delete = scope.ServiceProvider.GetRequiredService<DeleteDocument>();
        delete.BeforeTurn = async ct =>
            (await world.PoliceCoordinator.DeleteAsync($"/api/v1/documents/{id}?reason=found", ct))
                .EnsureSuccessStatusCode();
        var result = await delete.HandleAsync(await RegisterWorld.OwnerActorAsync(app), id, "entered in error",
            default);

        Assert.Equal("document.not-found", result.Error?.Code);
        await using var context = app.NewContext();
        var tombstone = await context.TravelDocuments.SingleAsync(d => d.Id == id);
        Assert.Equal((2, "found"), (tombstone.Version, tombstone.DeletionReason));
        Assert.Equal([("created", 1), ("deleted", 2)], await RevisionsAsync(context, id));
        Assert.Equal(1, await context.AuditEntries.CountAsync(e => e.Operation == "document.deleted"));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Of_two_registrations_of_one_document_at_once_the_second_is_refused_as_a_duplicate(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var world = await RegisterWorld.BuildAsync(app);

        await using var scope = app.Services.CreateAsyncScope();
        var register = scope.ServiceProvider.GetRequiredService<RegisterDocument>();
        Guid? first = null;
        register.BeforeTurn = async _ => first = await world.RegisterAsync("L898902C3");
        var result = await register.HandleAsync(
            await RegisterWorld.OwnerActorAsync(app), new RegisterDocumentRequest("L898902C3", "UTO", "passport",
                "lost"), default);

        Assert.Equal("document.duplicate", result.Error?.Code);
        await using var context = app.NewContext();
        var record = await context.TravelDocuments.SingleAsync();
        Assert.Equal((first, DocumentStatus.Stolen), (record.Id, record.Status));
        Assert.Equal(1, await context.AuditEntries.CountAsync(e => e.Operation == "document.registered"));
    }

    private static async Task ImportAsync(TestApp app, string csv)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var import = scope.ServiceProvider.GetRequiredService<ImportDocuments>();
        var result = await import.HandleAsync(Actor.Console(), "FR-POLICE", new StringReader(csv), null, default);
        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal(1, result.Value.Updated);
    }

    private static async Task<List<(string Kind, int Version)>> RevisionsAsync(
        Core.Data.PasserelleDb context, Guid id) =>
        [.. (await context.TravelDocumentRevisions.Where(r => r.DocumentId == id).OrderBy(r => r.Version)
            .ThenBy(r => r.Id).ToListAsync()).Select(r => (r.Kind, r.Version))];
}
