using Microsoft.EntityFrameworkCore;
using Passerelle.Core.Data;
using Passerelle.Core.Notifications;
using Passerelle.Core.Trust.Access;
using Passerelle.Core.Trust.Audit;
using Passerelle.IntegrationTests.Support;

namespace Passerelle.IntegrationTests.Audit;

/// <summary>
/// A change that commits with the writer's batch (a hit case) runs under a savepoint of its own: one that fails rolls
/// back alone, its caller hears why, and every other entry and change of the batch commits.
/// </summary>
public sealed class AuditBatchedChangeTests
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_change_that_fails_in_a_batch_rolls_back_alone_and_the_rest_of_the_batch_commits(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        await app.AddAgencyAsync("FR-BATCH");
        Guid agency;
        await using (var lookup = app.NewContext())
        {
            agency = await lookup.Agencies.Where(a => a.Code == "FR-BATCH").Select(a => a.Id).SingleAsync();
        }

        var writer = app.Services.GetRequiredService<AuditWriter>();

        // The first batch waits on a gate, so everything queued meanwhile is taken as one batch after it.
        var gate = new TaskCompletionSource();
        var holding = writer.CommitWithBatchAsync(async (_, _) =>
        {
            await gate.Task;
            return new Staged<int>(0, [Entry("gate")]);
        });
        await WaitUntilQueuedEmptyAsync(writer);
        var plain = writer.AppendAsync(Entry("plain"));
        var id = Guid.CreateVersion7();
        var kept = writer.CommitWithBatchAsync((context, _) => Notice(context, NoticeRow(agency, "kept", id), "kept"));
        var thrown = writer.CommitWithBatchAsync<int>((context, _) =>
        {
            context.Notifications.Add(NoticeRow(agency, "thrown"));
            throw new InvalidOperationException("a bug in the change");
        });
        // The database refuses this one (the same key as the kept one): on PostgreSQL that aborts the transaction,
        // unless the change had a savepoint of its own to roll back to.
        var refused = writer.CommitWithBatchAsync(
            (context, _) => Notice(context, NoticeRow(agency, "refused", id), "refused"));
        var after = writer.AppendAsync(Entry("after"));
        gate.SetResult();

        await holding;
        await plain;
        await after;
        Assert.Equal(1, await kept);
        await Assert.ThrowsAsync<InvalidOperationException>(() => thrown);
        await Assert.ThrowsAsync<DbUpdateException>(() => refused);

        await using var context = app.NewContext();
        var notices = await context.Notifications.Where(n => n.Kind == "batch.test")
            .Select(n => n.Message).ToListAsync();
        Assert.Equal(["kept"], notices);
        var purposes = await context.AuditEntries.Where(e => e.Operation == "agency.created" && e.Purpose != null)
            .Select(e => e.Purpose).ToListAsync();
        Assert.Equal(["after", "gate", "kept", "plain"], purposes.Order(StringComparer.Ordinal));
        await using var scope = app.Services.CreateAsyncScope();
        var verified = await scope.ServiceProvider.GetRequiredService<VerifyAuditTrail>()
            .HandleAsync(Actor.Console(), default);
        Assert.True(verified.Succeeded && verified.Value.Intact, verified.Value?.Reason);
    }

    private static AuditRecord Entry(string purpose) =>
        AuditRecord.For(Actor.Console(), AuditEvent.AgencyCreated, target: "agency:FR-BATCH", purpose: purpose);

    private static Notification NoticeRow(Guid agency, string message, Guid? id = null) => new()
    {
        Id = id ?? Guid.CreateVersion7(),
        AgencyId = agency,
        Kind = "batch.test",
        Message = message,
        CreatedAt = DateTime.UtcNow,
    };

    private static Task<Staged<int>> Notice(PasserelleDb context, Notification row, string purpose)
    {
        context.Notifications.Add(row);
        return Task.FromResult(new Staged<int>(1, [Entry(purpose)]));
    }

    private static async Task WaitUntilQueuedEmptyAsync(AuditWriter writer)
    {
        while (writer.State.Queued > 0)
        {
            await Task.Delay(5);
        }
    }
}
