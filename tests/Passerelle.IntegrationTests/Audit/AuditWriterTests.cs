using Microsoft.EntityFrameworkCore;
using Passerelle.Core.Trust.Access;
using Passerelle.Core.Trust.Audit;
using Passerelle.IntegrationTests.Support;

namespace Passerelle.IntegrationTests.Audit;

/// <summary>
/// The group-commit writer stores its entries past EF Core (COPY, a prepared INSERT): they must read back exactly as
/// written, and link into the same chain as the entries EF Core saves with a change.
/// </summary>
public sealed class AuditWriterTests
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Entries_the_writer_commits_read_back_field_for_field_and_the_chain_verifies(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var writer = app.Services.GetRequiredService<AuditWriter>();
        var user = Guid.CreateVersion7();
        var token = Guid.CreateVersion7();
        AuditRecord[] records =
        [
            new(AuditEvent.DocumentScreened, Outcomes.Success, user, "agent.écluse", "FR-DOUANE", token,
                Target: "document:FRA/P0123456", Purpose: "contrôle frontière",
                Details: AuditDetails.With("result", "clear").And("location", "Gare du Nord « quai 3 »"),
                Source: "2001:db8::7"),
            new(AuditEvent.TokenRejected, Outcomes.Denied, null, null, null, null),
            new(AuditEvent.DocumentScreened, Outcomes.Success, user, "agent.écluse", "FR-DOUANE", token,
                Target: new string('x', 600), Purpose: "border-check"),
        ];

        await Task.WhenAll(records.Select(r => writer.AppendAsync(r)));
        // An entry saved with a change by EF Core, between two batches of the writer's.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var context = scope.ServiceProvider.GetRequiredService<Core.Data.PasserelleDb>();
            await scope.ServiceProvider.GetRequiredService<AuditedChange>().CommitAsync(
                context, AuditRecord.For(Actor.Console(), AuditEvent.AgencyCreated, target: "agency:FR-POLICE"),
                default);
        }

        await writer.AppendAsync(records[1]);

        await using var after = app.NewContext();
        var stored = await after.AuditEntries.AsNoTracking()
            .Where(e => e.UserId == user).OrderBy(e => e.Sequence).ToListAsync();
        Assert.Equal(2, stored.Count);
        var first = stored.Single(e => e.Target == "document:FRA/P0123456");
        Assert.Equal(
            ("document.screened", "success", "agent.écluse", "FR-DOUANE", token, "contrôle frontière",
                "2001:db8::7"),
            (first.Operation, first.Outcome, first.Login, first.AgencyCode, first.TokenId, first.Purpose,
                first.Source));
        Assert.Equal(records[0].Details!.ToJson(), first.Details);
        Assert.Equal(DateTimeKind.Utc, first.OccurredAt.Kind);
        Assert.Equal(500, stored.Single(e => e.Target != first.Target).Target!.Length);
        var bare = await after.AuditEntries.AsNoTracking()
            .Where(e => e.Operation == "token.rejected").ToListAsync();
        Assert.Equal(2, bare.Count);
        Assert.All(bare, e => Assert.True(
            e is { UserId: null, Login: null, AgencyCode: null, TokenId: null, Target: null, Details: null }));
        Assert.True(await after.AuditEntries.AnyAsync(e => e.Target == "agency:FR-POLICE"));

        var written = await after.AuditEntries.CountAsync();
        await using var verifyScope = app.Services.CreateAsyncScope();
        var verified = await verifyScope.ServiceProvider.GetRequiredService<VerifyAuditTrail>()
            .HandleAsync(Actor.Console(), default);
        Assert.True(verified.Succeeded);
        Assert.True(verified.Value.Intact, verified.Value.Reason);
        Assert.Equal(written, verified.Value.Checked);
    }

    /// <summary>
    /// An answered screening's entry must survive a power cut, not only a crash of the process: in WAL mode SQLite
    /// syncs every commit only at <c>synchronous=FULL</c> (2) or above.
    /// </summary>
    [Fact]
    public async Task The_embedded_database_syncs_every_commit_to_disk()
    {
        await using var app = await TestApp.StartAsync(Db.Sqlite);
        await using var context = app.Services.GetRequiredService<Core.Data.DedicatedContexts>().Create();
        await context.Database.OpenConnectionAsync();
        await using var command = context.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA journal_mode; PRAGMA synchronous;";
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal("wal", reader.GetString(0));
        Assert.True(await reader.NextResultAsync() && await reader.ReadAsync());
        Assert.True(reader.GetInt64(0) >= 2, $"synchronous is {reader.GetInt64(0)}, below FULL (2)");
    }

    /// <summary>
    /// PostgreSQL refuses a NUL in text and its UTF-8 encoding refuses half a surrogate pair: an entry carrying one
    /// would fail its whole batch, other people's screenings included. It is stored with U+FFFD in their place.
    /// </summary>
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task An_entry_with_a_nul_or_a_lone_surrogate_is_stored_readable_and_its_batch_lands(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var writer = app.Services.GetRequiredService<AuditWriter>();
        var user = Guid.CreateVersion7();
        AuditRecord Entry(string purpose) =>
            new(AuditEvent.DocumentScreened, Outcomes.Success, user, "agent", "FR-DOUANE", null, Purpose: purpose);

        await Task.WhenAll(writer.AppendAsync(Entry("a\0b\ud800c")), writer.AppendAsync(Entry("plain")));

        await using var after = app.NewContext();
        var purposes = await after.AuditEntries.Where(e => e.UserId == user).Select(e => e.Purpose).ToListAsync();
        Assert.Equal(["a\uFFFDb\uFFFDc", "plain"], purposes.Order(StringComparer.Ordinal));
        await using var scope = app.Services.CreateAsyncScope();
        var verified = await scope.ServiceProvider.GetRequiredService<VerifyAuditTrail>()
            .HandleAsync(Actor.Console(), default);
        Assert.True(verified.Succeeded && verified.Value.Intact);
    }
}
