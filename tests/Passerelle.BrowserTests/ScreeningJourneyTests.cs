using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Passerelle.IntegrationTests.Support;
using Passerelle.Tests.Shared;

namespace Passerelle.BrowserTests;

/// <summary>A border officer's reader types an MRZ into the screening page; the owner confirms the hit from its inbox.</summary>
public sealed class ScreeningJourneyTests
{
    // ICAO Doc 9303 Part 4, Appendix A: the TD3 specimen passport, document L898902C3.
    private const string Line1 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<";
    private const string Line2 = "L898902C36UTO7408122F1204159ZE184226B<<<<<10";

    [Fact]
    public async Task A_wedge_typed_MRZ_shows_the_HIT_banner_and_the_owner_confirms_it_from_the_inbox()
    {
        await using var app = await TestApp.StartAsync(Db.Sqlite, kestrel: true);
        await app.AddAgencyAsync("FR-POLICE", "police");
        await app.AddAgencyAsync("FR-DOUANE", "customs");
        await app.AddUserAsync("FR-POLICE", "police.coord", "coordinator");
        await app.AddUserAsync("FR-DOUANE", "douane.officer", "officer");
        using var owner = new HttpClient { BaseAddress = app.BaseAddress };
        owner.DefaultRequestHeaders.Authorization = new("Bearer", await app.TokenAsync("police.coord"));
        (await owner.PostAsJsonAsync("/api/v1/documents", new { documentNumber = "L898902C3", issuingState = "UTO", documentType = "passport", status = "stolen" })).EnsureSuccessStatusCode();

        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await Chromium.NewPageAsync(browser, new BrowserNewPageOptions { BaseURL = app.BaseAddress!.ToString(), Locale = "en-GB" });
        var a11y = Accessibility.Watch(page);
        var asked = new List<string>();
        Browsing.AcceptConfirmations(page, asked);

        // The officer's reader types each line and Enter; the complete MRZ submits itself.
        await Browsing.SignInAsync(page, "douane.officer", a11y);
        await page.GotoAsync("/Screen");
        await Assertions.Expect(page.Locator("#query")).ToBeFocusedAsync();
        await a11y.CheckAsync();
        await page.Keyboard.TypeAsync(Line1);
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.TypeAsync(Line2);
        var banner = page.GetByRole(AriaRole.Alert);
        await Assertions.Expect(banner).ToContainTextAsync("HIT");
        await Assertions.Expect(banner).ToHaveClassAsync(new Regex("banner-hit"));
        await Assertions.Expect(page.Locator("#query")).ToBeFocusedAsync();
        await a11y.CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        // The owner's coordinator enrols TOTP, opens the inbox and confirms.
        await Browsing.SignInAsync(page, "police.coord", a11y);
        var key = (await page.Locator("#totp-key").InnerTextAsync()).Trim();
        await page.GetByLabel("Authentication code").FillAsync(Totp.Code(key, DateTimeOffset.UtcNow));
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify" }).ClickAsync();
        await page.GotoAsync("/Hits");
        await Assertions.Expect(page.Locator("#notifications")).ToContainTextAsync("HIT on your record L898902C3");
        await a11y.CheckAsync();
        var row = page.Locator("#hit-cases tbody tr").First;
        await Assertions.Expect(row).ToContainTextAsync("open");
        await row.GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();
        await Assertions.Expect(page.Locator("#hit-cases tbody tr").First).ToContainTextAsync("confirmed");
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Case L898902C3 (UTO): confirmed. The officer is told to seize the document.");
        Assert.Equal(["Confirm the hit on L898902C3? The querying agency is told at once."], asked);
        await a11y.CheckAsync();
        a11y.AssertEveryPageChecked();
    }
}
