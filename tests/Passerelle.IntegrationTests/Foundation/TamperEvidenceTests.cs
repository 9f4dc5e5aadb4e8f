using Microsoft.EntityFrameworkCore;
using Passerelle.Core.Data;
using Passerelle.Core.Trust.Audit;
using Passerelle.IntegrationTests.Support;

namespace Passerelle.IntegrationTests.Foundation;

/// <summary>
/// After real administrative work through the CLI and the API, 'passerelle audit verify' passes; after any one stored
/// field of any one entry is changed in the database, it fails and names that entry.
/// </summary>
public sealed class TamperEvidenceTests
{
    private static readonly string[] Columns =
    [
        "\"OccurredAt\"", "\"EventCode\"", "\"Operation\"", "\"Outcome\"", "\"UserId\"", "\"Login\"", "\"AgencyCode\"",
        "\"TokenId\"", "\"Target\"", "\"Purpose\"", "\"Details\"", "\"Source\"", "\"PreviousHash\"", "\"Hash\"",
    ];

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Verify_passes_then_names_the_entry_whose_stored_field_was_changed(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = db.ToString(),
            ["ConnectionStrings:Passerelle"] = app.ConnectionString,
        };
        Assert.Equal(0, (await PasserelleCli.RunAsync(settings, null, "agencies", "add", "--code", "FR-A", "--name", "Douane", "--kind", "customs", "--country", "FRA")).ExitCode);
        Assert.Equal(0, (await PasserelleCli.RunAsync(settings, TestApp.Password, "users", "add", "--agency", "FR-A", "--login", "coord.a", "--role", "coordinator", "--password-stdin")).ExitCode);
        var token = await PasserelleCli.RunAsync(settings, null, "tokens", "create", "--user", "coord.a", "--scope", "users:read", "agencies:read");
        Assert.Equal(0, token.ExitCode);
        var client = app.ClientWithToken(token.Output.Trim());
        (await client.GetAsync("/api/v1/me")).EnsureSuccessStatusCode();
        (await client.GetAsync("/api/v1/agencies")).EnsureSuccessStatusCode();
        (await client.GetAsync("/api/v1/users?agency=FR-A")).EnsureSuccessStatusCode();

        var intact = await PasserelleCli.RunAsync(settings, null, "audit", "verify");
        Assert.True(intact.ExitCode == 0, intact.Output + intact.Error);

        await using var context = app.NewContext();
        var operations = await context.AuditEntries.OrderBy(e => e.Sequence).Select(e => e.Operation).ToListAsync();
        Assert.Equal(["agency.created", "user.created", "token.created", "token.used", "agency.listed", "user.listed", "audit.verified"], operations);
        var count = operations.Count;
        foreach (var (column, i) in Columns.Select((c, i) => (c, i)))
        {
            var sequence = 1 + (i * 3 % count);
            var original = await TamperAsync(context, sequence, column);
            var broken = await PasserelleCli.RunAsync(settings, null, "audit", "verify");
            Assert.True(broken.ExitCode == 1, $"{column} of entry {sequence}: {broken.Output}{broken.Error}");
            Assert.Contains($"entry {sequence}:", broken.Output, StringComparison.Ordinal);
            await RestoreAsync(context, original);
        }
    }

    /// <summary>
    /// Changes one column of one entry directly in the database, the way an insider with SQL access could, and
    /// returns the entry as it was.
    /// </summary>
    private static async Task<AuditEntry> TamperAsync(PasserelleDb context, long sequence, string column)
    {
        var entry = await context.AuditEntries.AsNoTracking().SingleAsync(e => e.Sequence == sequence);
        object value = column switch
        {
            "\"OccurredAt\"" => entry.OccurredAt.AddSeconds(1),
            "\"EventCode\"" => entry.EventCode + 1,
            "\"UserId\"" or "\"TokenId\"" => Guid.NewGuid(),
            "\"PreviousHash\"" or "\"Hash\"" => new string('f', 64),
            _ => "tampered",
        };

        // The column comes from the fixed list above; the values are parameters.
#pragma warning disable EF1002
        var affected = await context.Database.ExecuteSqlRawAsync($"UPDATE audit_entries SET {column} = {{0}} WHERE \"Sequence\" = {{1}}", value, sequence);
#pragma warning restore EF1002
        Assert.Equal(1, affected);
        return entry;
    }

    private static async Task RestoreAsync(PasserelleDb context, AuditEntry original)
    {
        context.AuditEntries.Update(original);
        await context.SaveChangesAsync();
        context.ChangeTracker.Clear();
    }
}
