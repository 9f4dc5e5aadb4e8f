using Passerelle.IntegrationTests.Support;
using Passerelle.Tests.Shared;

namespace Passerelle.IntegrationTests.Foundation;

/// <summary>The people page as a coordinator uses it.</summary>
public sealed class UsersPageTests
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_reset_shows_its_one_time_password_once_and_a_reload_neither_repeats_nor_shows_it(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        await app.AddAgencyAsync("FR-A");
        await app.AddUserAsync("FR-A", "coord.a", "coordinator");
        await app.AddUserAsync("FR-A", "officer.a", "officer");
        await app.AddUserAsync("FR-A", "dpo.a", "auditor");
        var coordinator = new Browserless(app);
        var (_, enrolment) = await coordinator.PostFormAsync("/Account/Login", "/Account/Login", ("login", "coord.a"), ("password", TestApp.Password));
        await coordinator.PostFormAsync("/Account/EnrolTotp", "/Account/EnrolTotp", ("code", Totp.Code(Browserless.Inner(enrolment, "totp-key"), DateTimeOffset.UtcNow)));

        var (_, shown) = await coordinator.PostFormAsync("/Users", "/Users?handler=Reset", ("login", "officer.a"));
        var (_, again) = await coordinator.GetAsync("/Users");

        Assert.Contains("One-time password for officer.a", Browserless.Inner(shown, "notice"), StringComparison.Ordinal);
        Assert.True(Browserless.Inner(shown, "one-time-password").Length >= 20);
        Assert.DoesNotContain("One-time password", again, StringComparison.Ordinal);
        await using var context = app.NewContext();
        Assert.Equal(1, context.AuditEntries.Count(e => e.Operation == "user.password-reset"));
        // The coordinator is offered only the roles it may grant, and no action on the auditor.
        Assert.DoesNotContain("value=\"auditor\"", again, StringComparison.Ordinal);
        Assert.DoesNotContain("aria-label=\"Reset password dpo.a\"", again, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"Reset password officer.a\"", again, StringComparison.Ordinal);
    }
}
