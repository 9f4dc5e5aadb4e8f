using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Passerelle.Core.TravelDocuments;
using Passerelle.Core.Trust.Access;
using Passerelle.Core.Trust.Audit;
using Passerelle.IntegrationTests.Support;

namespace Passerelle.IntegrationTests.TravelDocuments;

/// <summary>
/// A purge and a writer that holds the chain's turn and then writes to the records being purged, as an import batch
/// or a hit decision does: the purge waits for the turn before it deletes anything, so neither waits on the other.
/// </summary>
public sealed class PurgeRaceTests
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_purge_waits_for_a_writer_holding_the_turn_on_its_records_and_both_commit(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var world = await RegisterWorld.BuildAsync(app);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var response = await world.PoliceCoordinator.PostAsJsonAsync("/api/v1/documents", new
        {
            documentNumber = "OLD000001",
            issuingState = "FRA",
            documentType = "passport",
            status = "stolen",
            reportedOn = "2015-01-01",
            reviewOn = today.AddDays(-100),
        });
        response.EnsureSuccessStatusCode();
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        await using var scope = app.Services.CreateAsyncScope();
        var purge = scope.ServiceProvider.GetRequiredService<PurgeRegister>();
        var audited = scope.ServiceProvider.GetRequiredService<AuditedChange>();
        Task? writing = null;
        purge.BeforeTurn = async ct =>
        {
            if (writing is not null)
            {
                return;
            }

            // The writer has the turn before the purge asks for it, and writes to the record only afterwards.
            var context = app.NewContext();
            var change = await audited.TakeTurnAsync(context, ct);
            writing = WriteAsync(context, change, id);
        };
        var purged = await purge.HandleAsync(Actor.Console(), default);
        await writing!;

        Assert.True(purged.Succeeded, purged.Error?.Message);
        Assert.Equal(1, purged.Value);
        await using var after = app.NewContext();
        Assert.False(await after.TravelDocuments.AnyAsync());
        var operations = await after.AuditEntries.OrderByDescending(e => e.Sequence).Take(2)
            .Select(e => e.Operation).ToListAsync();
        Assert.Equal(["document.purged", "document.changed"], operations);
    }

    private static async Task WriteAsync(Core.Data.PasserelleDb context, OpenChange change, Guid id)
    {
        await using (context)
        await using (change)
        {
            await Task.Yield();
            await context.TravelDocuments.Where(d => d.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.Remarks, "seen").SetProperty(d => d.Version, 2));
            var entry = AuditRecord.For(Actor.Console(), AuditEvent.DocumentChanged, target: AuditTarget.Document(id));
            await change.CommitAsync(entry, default);
        }
    }
}
