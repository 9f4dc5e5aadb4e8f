using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Passerelle.IntegrationTests.Support;
using Passerelle.Tests.Shared;

namespace Passerelle.BrowserTests;

/// <summary>A person's first days with Passerelle, in a real browser against a real server.</summary>
public sealed class SignInJourneyTests
{
    [Fact]
    public async Task Choose_a_password_enrol_totp_sign_in_with_it_switch_to_french_and_see_a_lockout_in_the_audit_trail()
    {
        await using var app = await TestApp.StartAsync(Db.Sqlite, kestrel: true);
        await app.AddAgencyAsync("FR-A");
        await app.AddUserWithGivenPasswordAsync("FR-A", "new.coord", "coordinator");
        await app.AddUserAsync("FR-A", "officer.a", "officer");
        await app.AddUserAsync("FR-A", "dpo.a", "auditor");
        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await Chromium.NewPageAsync(browser, new BrowserNewPageOptions { BaseURL = app.BaseAddress!.ToString(), Locale = "en-GB" });
        var a11y = Accessibility.Watch(page);

        // The administrator chose this password: the coordinator replaces it before anything else.
        const string own = "Only-Mine-From-Now-2026!";
        await SignInAsync(page, "new.coord", TestApp.Password);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Account/ChangePassword$"));
        await a11y.CheckAsync();
        await page.GotoAsync("/Users");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Account/ChangePassword$"));
        await page.GetByLabel("Current password").FillAsync(TestApp.Password);
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync(own);
        await page.GetByLabel("New password again").FillAsync(own);
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Your password is changed." })).ToBeVisibleAsync();
        await a11y.CheckAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Continue" }).ClickAsync();

        // A coordinator must enrol a second factor at first sign-in.
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Account/EnrolTotp$"));
        await a11y.CheckAsync();
        var key = (await page.Locator("#totp-key").InnerTextAsync()).Trim();
        await page.GetByLabel("Authentication code").FillAsync(Totp.Code(key, DateTimeOffset.UtcNow));
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify" }).ClickAsync();
        await Assertions.Expect(page.Locator("#recovery-codes li")).ToHaveCountAsync(10);
        await a11y.CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        // From now on, the password alone is not enough, and the given one no longer works.
        await SignInAsync(page, "new.coord", TestApp.Password);
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The login or password is wrong.");
        await a11y.CheckAsync();
        await SignInAsync(page, "new.coord", own);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Account/LoginTotp"));
        await a11y.CheckAsync();
        await page.GetByLabel("Authentication code").FillAsync(Totp.Code(key, DateTimeOffset.UtcNow));
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Welcome to Passerelle" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation)).ToContainTextAsync("People");
        await a11y.CheckAsync();

        // The UI speaks French when asked, and keeps to it.
        await page.GetByLabel("Language").SelectOptionAsync("fr");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Bienvenue sur Passerelle" })).ToBeVisibleAsync();
        await a11y.CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" }).ClickAsync();

        // Five wrong passwords lock the account.
        for (var i = 0; i < 5; i++)
        {
            await SignInAsync(page, "officer.a", $"Wrong-Password-{i}!", french: true);
        }

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("verrouillé");
        await a11y.CheckAsync();

        // The data protection officer enrols a second factor too, then finds the lockout in the audit trail.
        await SignInAsync(page, "dpo.a", TestApp.Password, french: true);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Account/EnrolTotp$"));
        var dpoKey = (await page.Locator("#totp-key").InnerTextAsync()).Trim();
        await page.GetByLabel("Code d'authentification").FillAsync(Totp.Code(dpoKey, DateTimeOffset.UtcNow));
        await page.GetByRole(AriaRole.Button, new() { Name = "Vérifier" }).ClickAsync();
        await Assertions.Expect(page.Locator("#recovery-codes li")).ToHaveCountAsync(10);
        await page.GotoAsync("/Audit?operation=login.locked-out");
        var rows = page.Locator("#audit-entries tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.First).ToContainTextAsync("officer.a");
        await a11y.CheckAsync();
        a11y.AssertEveryPageChecked();
    }

    private static async Task SignInAsync(IPage page, string login, string password, bool french = false)
    {
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel(french ? "Identifiant" : "Login").FillAsync(login);
        await page.GetByLabel(french ? "Mot de passe" : "Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = french ? "Se connecter" : "Sign in", Exact = true }).ClickAsync();
    }
}
