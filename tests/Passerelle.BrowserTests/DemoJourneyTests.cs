using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Passerelle.Core.Demo;
using Passerelle.IntegrationTests.Support;
using Passerelle.Tests.Shared;

namespace Passerelle.BrowserTests;

/// <summary>The demo played end to end, with the logins it prints: a screened specimen, decided by its owner.</summary>
public sealed class DemoJourneyTests
{
    // ICAO Doc 9303 Part 4, Appendix A: the TD3 specimen passport, which the demo register holds as stolen.
    private const string Line1 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<";
    private const string Line2 = "L898902C36UTO7408122F1204159ZE184226B<<<<<10";

    [Fact]
    public async Task The_demos_French_police_coordinator_confirms_the_specimens_hit_after_customs_screens_it()
    {
        var demo = new Dictionary<string, string?> { ["Demo:Seed"] = "true" };
        await using var app = await TestApp.StartAsync(Db.Sqlite, demo, kestrel: true);
        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await Chromium.NewPageAsync(browser,
            new BrowserNewPageOptions { BaseURL = app.BaseAddress!.ToString(), Locale = "en-GB" });

        // French customs screens the specimen at the border.
        await SignInAsync(page, "douane.officer");
        await page.GotoAsync("/Screen");
        await page.Keyboard.TypeAsync(Line1);
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.TypeAsync(Line2);
        await Assertions.Expect(page.Locator("#result")).ToHaveClassAsync(new Regex("banner-hit"));
        await SignOutAsync(page);

        // The owner's investigator reads the case but is offered no decision.
        await SignInAsync(page, "police.investigator");
        await page.GotoAsync("/Hits");
        var row = page.Locator("#hit-cases tbody tr", new() { HasText = "L898902C3" });
        await Assertions.Expect(row).ToContainTextAsync("open");
        await Assertions.Expect(row.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        await SignOutAsync(page);

        // The owner's coordinator enrols a second factor at first sign-in, then confirms the hit.
        await SignInAsync(page, "police.coordinator");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Account/EnrolTotp$"));
        var key = (await page.Locator("#totp-key").InnerTextAsync()).Trim();
        await page.GetByLabel("Authentication code").FillAsync(Totp.Code(key, DateTimeOffset.UtcNow));
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify" }).ClickAsync();
        await Assertions.Expect(page.Locator("#recovery-codes li")).ToHaveCountAsync(10);
        await page.GotoAsync("/Hits");
        await Assertions.Expect(page.Locator("#notifications")).ToContainTextAsync("HIT on your record L898902C3");
        var open = page.Locator("#hit-cases tbody tr", new() { HasText = "L898902C3" });
        var asked = new List<string>();
        Browsing.AcceptConfirmations(page, asked);
        await open.GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();
        var decided = page.Locator("#hit-cases tbody tr", new() { HasText = "L898902C3" });
        await Assertions.Expect(decided).ToContainTextAsync("confirmed");
        Assert.Equal(["Confirm the hit on L898902C3? The querying agency is told at once."], asked);
    }

    private static async Task SignInAsync(IPage page, string login)
    {
        var password = DemoWorld.Logins.Single(l => l.Login == login).Password;
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Login").FillAsync(login);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Browsing.LeftSignInAsync(page, login);
    }

    private static Task SignOutAsync(IPage page) =>
        page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
}
