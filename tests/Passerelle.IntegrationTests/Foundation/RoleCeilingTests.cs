using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Passerelle.IntegrationTests.Support;

namespace Passerelle.IntegrationTests.Foundation;

/// <summary>A coordinator acts only on people whose every role it could grant, in its own agency.</summary>
public sealed class RoleCeilingTests
{
    private static async Task<(TestApp App, HttpClient Coordinator)> WorldAsync(Db db)
    {
        var app = await TestApp.StartAsync(db);
        await app.AddAgencyAsync("FR-A");
        await app.AddUserAsync("FR-A", "coord.a", "coordinator");
        await app.AddUserAsync("FR-A", "admin.a", "admin");
        await app.AddUserAsync("FR-A", "dpo.a", "auditor");
        await app.AddUserAsync("FR-A", "officer.a", "officer");
        var coordinator = app.ClientWithToken(await app.TokenAsync("coord.a", "tokens:write", "tokens:read", "users:write", "users:read"));
        return (app, coordinator);
    }

    private static async Task AssertRefusedAndAuditedAsync(TestApp app, HttpResponseMessage response, string target)
    {
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("access.denied", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        await using var context = app.NewContext();
        Assert.True(
            await context.AuditEntries.AnyAsync(e => e.Operation == "access.denied" && e.Target == target && e.Login == "coord.a"),
            $"no refusal on {target} in the audit trail");
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_coordinator_cannot_make_tokens_for_make_disable_or_revoke_an_administrator_or_auditor(Db db)
    {
        var (app, coordinator) = await WorldAsync(db);
        await using var _ = app;
        await app.TokenAsync("admin.a", "users:read");
        Guid adminToken;
        await using (var context = app.NewContext())
        {
            adminToken = await context.ApiTokens.Where(t => context.Users.Any(u => u.Id == t.UserId && u.UserName == "admin.a"))
                .Select(t => t.Id).SingleAsync();
        }

        var usersBefore = await CountAsync(app, c => c.Users.CountAsync());
        var tokensBefore = await CountAsync(app, c => c.ApiTokens.CountAsync());

        await AssertRefusedAndAuditedAsync(app, await coordinator.PostAsJsonAsync("/api/v1/tokens",
            new { user = "admin.a", scopes = new[] { "agencies:write", "users:write", "tokens:write" } }), "user:admin.a");
        await AssertRefusedAndAuditedAsync(app, await coordinator.PostAsJsonAsync("/api/v1/users",
            new { agency = "FR-A", login = "new.dpo", roles = new[] { "auditor" }, password = TestApp.Password }), "agency:FR-A");
        await AssertRefusedAndAuditedAsync(app, await coordinator.PostAsJsonAsync("/api/v1/users",
            new { agency = "FR-A", login = "new.admin", roles = new[] { "admin" }, password = TestApp.Password }), "agency:FR-A");
        await AssertRefusedAndAuditedAsync(app, await coordinator.PostAsync("/api/v1/users/admin.a/disable", null), "user:admin.a");
        await AssertRefusedAndAuditedAsync(app, await coordinator.PostAsync("/api/v1/users/dpo.a/reset", null), "user:dpo.a");
        await AssertRefusedAndAuditedAsync(app, await coordinator.PutAsJsonAsync("/api/v1/users/admin.a/roles",
            new { roles = new[] { "officer" } }), "user:admin.a");
        await AssertRefusedAndAuditedAsync(app, await coordinator.PutAsJsonAsync("/api/v1/users/officer.a/roles",
            new { roles = new[] { "auditor" } }), "user:officer.a");
        await AssertRefusedAndAuditedAsync(app, await coordinator.DeleteAsync($"/api/v1/tokens/{adminToken}"), $"token:{adminToken}");

        Assert.Equal(usersBefore, await CountAsync(app, c => c.Users.CountAsync()));
        Assert.Equal(tokensBefore, await CountAsync(app, c => c.ApiTokens.CountAsync()));
        await using var after = app.NewContext();
        Assert.True(await after.Users.AllAsync(u => u.DisabledAt == null));
        Assert.True(await after.ApiTokens.AllAsync(t => t.RevokedAt == null));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_token_makes_tokens_with_at_most_its_own_scopes(Db db)
    {
        var (app, coordinator) = await WorldAsync(db);
        await using var _ = app;

        var wider = await coordinator.PostAsJsonAsync("/api/v1/tokens", new { user = "officer.a", scopes = new[] { "documents:screen" } });
        var within = await coordinator.PostAsJsonAsync("/api/v1/tokens", new { user = "officer.a", scopes = new[] { "tokens:read" } });

        Assert.Equal(HttpStatusCode.Forbidden, wider.StatusCode);
        Assert.Equal(HttpStatusCode.Created, within.StatusCode);
        // The coordinator's token lives 30 days (TestApp.TokenAsync); the one it made, asked for 90 by default, no longer.
        var made = (await within.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("expiresAt").GetDateTime();
        await using var context = app.NewContext();
        var maker = await context.ApiTokens.Where(t => context.Users.Any(u => u.Id == t.UserId && u.UserName == "coord.a"))
            .Select(t => t.ExpiresAt).SingleAsync();
        Assert.True(made <= maker, $"made {made:O}, maker {maker:O}");
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_coordinator_changes_roles_within_the_ceiling_and_the_change_is_audited(Db db)
    {
        var (app, coordinator) = await WorldAsync(db);
        await using var _ = app;

        var response = await coordinator.PutAsJsonAsync("/api/v1/users/officer.a/roles", new { roles = new[] { "officer", "investigator" } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var roles = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("roles").EnumerateArray().Select(r => r.GetString());
        Assert.Equal(["investigator", "officer"], roles);
        await using var context = app.NewContext();
        Assert.True(await context.AuditEntries.AnyAsync(e => e.Operation == "user.roles-changed" && e.Target == "user:officer.a"));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_reset_issues_a_one_time_password_forces_a_change_and_clears_the_second_factor(Db db)
    {
        var (app, coordinator) = await WorldAsync(db);
        await using var _ = app;
        await using (var context = app.NewContext())
        {
            await context.Users.Where(u => u.UserName == "officer.a").ExecuteUpdateAsync(s => s.SetProperty(u => u.TwoFactorEnabled, true));
        }

        var officerToken = app.ClientWithToken(await app.TokenAsync("officer.a"));
        (await officerToken.GetAsync("/api/v1/me")).EnsureSuccessStatusCode();

        var response = await coordinator.PostAsync("/api/v1/users/officer.a/reset", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var oneTime = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("oneTimePassword").GetString()!;
        await using var after = app.NewContext();
        var user = await after.Users.SingleAsync(u => u.UserName == "officer.a");
        Assert.True(user.MustChangePassword);
        Assert.False(user.TwoFactorEnabled);
        Assert.True(await after.AuditEntries.AnyAsync(e => e.Operation == "user.password-reset" && e.Target == "user:officer.a"));
        Assert.DoesNotContain(app.Logs.Lines, line => line.Contains(oneTime, StringComparison.Ordinal));
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider
            .GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Core.Trust.People.User>>();
        var person = (await users.FindByNameAsync("officer.a"))!;
        Assert.True(await users.CheckPasswordAsync(person, oneTime));
        Assert.False(await users.CheckPasswordAsync(person, TestApp.Password));
        Assert.Equal(HttpStatusCode.Unauthorized, (await officerToken.GetAsync("/api/v1/me")).StatusCode);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Guessing_the_current_password_locks_the_account_like_a_sign_in(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        await app.AddAgencyAsync("FR-A");
        await app.AddUserAsync("FR-A", "officer.a", "officer");
        var officer = app.ClientWithToken(await app.TokenAsync("officer.a"));

        for (var i = 0; i < 5; i++)
        {
            await officer.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = $"Guess-{i}-Password!", newPassword = "Mine-Alone-2026!" });
        }

        var right = await officer.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = TestApp.Password, newPassword = "Mine-Alone-2026!" });

        Assert.Equal(HttpStatusCode.BadRequest, right.StatusCode);
        Assert.Equal("password.locked-out", (await right.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        await using var context = app.NewContext();
        Assert.False((await context.Users.SingleAsync(u => u.UserName == "officer.a")).LockoutEnd is null);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_person_changes_their_own_password_only_with_the_current_one_and_within_the_policy(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        await app.AddAgencyAsync("FR-A");
        await app.AddUserWithGivenPasswordAsync("FR-A", "officer.a", "officer");
        var officer = app.ClientWithToken(await app.TokenAsync("officer.a"));

        var wrong = await officer.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = "Not-The-Password-1!", newPassword = "Mine-Alone-2026!" });
        var weak = await officer.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = TestApp.Password, newPassword = "short" });
        var same = await officer.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = TestApp.Password, newPassword = TestApp.Password });
        var good = await officer.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = TestApp.Password, newPassword = "Mine-Alone-2026!" });

        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal("password.current-wrong", (await wrong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.True((await weak.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("newPassword", out _));
        Assert.Equal(HttpStatusCode.BadRequest, same.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, good.StatusCode);
        await using var context = app.NewContext();
        Assert.False((await context.Users.SingleAsync(u => u.UserName == "officer.a")).MustChangePassword);
        var operations = await context.AuditEntries.Where(e => e.Target == "user:officer.a").Select(e => e.Operation).ToListAsync();
        Assert.Contains("user.password-change-failed", operations);
        Assert.Contains("user.password-changed", operations);
    }

    private static async Task<int> CountAsync(TestApp app, Func<Core.Data.PasserelleDb, Task<int>> count)
    {
        await using var context = app.NewContext();
        return await count(context);
    }
}
