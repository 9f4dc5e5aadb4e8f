using Microsoft.EntityFrameworkCore;
using Passerelle.Core.Trust.Access;
using Passerelle.Core.Trust.Agencies;
using Passerelle.Core.Trust.Audit;
using Passerelle.IntegrationTests.Support;

namespace Passerelle.IntegrationTests.Audit;

/// <summary>A change's rows and its audit entries land together or not at all, however the change is made.</summary>
public sealed class AuditedChangeTests
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_change_whose_rows_cannot_be_saved_leaves_no_audit_entry_and_no_row(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        await app.AddAgencyAsync("FR-DOUANE");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var context = scope.ServiceProvider.GetRequiredService<Core.Data.PasserelleDb>();
            var audited = scope.ServiceProvider.GetRequiredService<AuditedChange>();
            context.Agencies.Add(NewAgency("FR-POLICE"));
            // The code is taken: the unique index refuses this row, and with it the whole change.
            context.Agencies.Add(NewAgency("FR-DOUANE"));

            var entry = AuditRecord.For(Actor.Console(), AuditEvent.AgencyCreated, target: "agency:FR-POLICE");
            await Assert.ThrowsAnyAsync<DbUpdateException>(() => audited.CommitAsync(context, entry, default));
        }

        await using var after = app.NewContext();
        Assert.False(await after.AuditEntries.AnyAsync(e => e.Target == "agency:FR-POLICE"));
        Assert.False(await after.Agencies.AnyAsync(a => a.Code == "FR-POLICE"));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task An_open_change_left_without_its_commit_takes_back_what_it_saved_as_it_went(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var context = scope.ServiceProvider.GetRequiredService<Core.Data.PasserelleDb>();
            await using var change = await scope.ServiceProvider.GetRequiredService<AuditedChange>()
                .BeginAsync(context, default);
            context.Agencies.Add(NewAgency("FR-POLICE"));
            // As Identity's stores do: saved inside the change, which then ends without committing.
            await context.SaveChangesAsync();
            await change.AppendAsync(
                [AuditRecord.For(Actor.Console(), AuditEvent.AgencyCreated, target: "agency:FR-POLICE")], default);
        }

        await using var after = app.NewContext();
        Assert.False(await after.Agencies.AnyAsync(a => a.Code == "FR-POLICE"));
        Assert.False(await after.AuditEntries.AnyAsync(e => e.Target == "agency:FR-POLICE"));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_change_inside_the_callers_transaction_leaves_the_commit_to_the_caller(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var context = scope.ServiceProvider.GetRequiredService<Core.Data.PasserelleDb>();
            var audited = scope.ServiceProvider.GetRequiredService<AuditedChange>();
            await using var outer = await context.Database.BeginTransactionAsync();
            context.Agencies.Add(NewAgency("FR-POLICE"));
            var entry = AuditRecord.For(Actor.Console(), AuditEvent.AgencyCreated, target: "agency:FR-POLICE");
            await audited.CommitAsync(context, entry, default);

            // The change saved into the caller's transaction and left it open; the caller then thinks better of it.
            Assert.Same(outer, context.Database.CurrentTransaction);
            await outer.RollbackAsync();
        }

        await using var after = app.NewContext();
        Assert.False(await after.Agencies.AnyAsync(a => a.Code == "FR-POLICE"));
        Assert.False(await after.AuditEntries.AnyAsync(e => e.Target == "agency:FR-POLICE"));
    }

    private static Agency NewAgency(string code) => new()
    {
        Id = Guid.CreateVersion7(),
        Code = code,
        Name = code,
        Kind = AgencyKind.Police,
        Country = "FRA",
        CreatedAt = DateTime.UtcNow,
    };
}
