using Microsoft.EntityFrameworkCore;
using Passerelle.IntegrationTests.Support;

namespace Passerelle.IntegrationTests.Foundation;

/// <summary>The server's operator resets a password and changes roles from the command line, audited like the API.</summary>
public sealed class AccountCliTests
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Users_reset_prints_a_one_time_password_alone_and_users_roles_replaces_the_roles(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        await app.AddAgencyAsync("FR-A");
        await app.AddUserAsync("FR-A", "officer.a", "officer");
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = db.ToString(),
            ["ConnectionStrings:Passerelle"] = app.ConnectionString,
        };

        var reset = await PasserelleCli.RunAsync(settings, null, "users", "reset", "officer.a");
        var roles = await PasserelleCli.RunAsync(settings, null, "users", "roles", "officer.a", "--role", "officer", "investigator");
        var unknown = await PasserelleCli.RunAsync(settings, null, "users", "reset", "nobody.here");

        Assert.Equal(0, reset.ExitCode);
        var oneTime = reset.Output.Trim();
        Assert.DoesNotContain('\n', oneTime);
        Assert.True(oneTime.Length >= 20, reset.Output);
        Assert.Equal(0, roles.ExitCode);
        Assert.Contains("investigator, officer", roles.Output, StringComparison.Ordinal);
        Assert.NotEqual(0, unknown.ExitCode);
        await using var context = app.NewContext();
        var user = await context.Users.SingleAsync(u => u.UserName == "officer.a");
        Assert.True(user.MustChangePassword);
        var operations = await context.AuditEntries.Where(e => e.Target == "user:officer.a").Select(e => e.Operation).ToListAsync();
        Assert.Contains("user.password-reset", operations);
        Assert.Contains("user.roles-changed", operations);
        Assert.False(await context.AuditEntries.AnyAsync(e => e.Details != null && e.Details.Contains(oneTime)));
    }
}
