using System.Globalization;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Passerelle.IntegrationTests.Support;

namespace Passerelle.BrowserTests;

/// <summary>
/// At a busy counter green means "let them through": a document that fails its own check is never shown green, a hit
/// stays red with the check's reasons beside it, and a reload shows the answer without screening it again.
/// </summary>
public sealed class DocumentCheckJourneyTests
{
    // ICAO Doc 9303 Part 4, Appendix A: the TD3 specimen passport, its birth date changed and its check digits not.
    private const string Line1 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<";
    private const string Forged = "L898902C36UTO7408132F1204159ZE184226B<<<<<10";

    // The same forgery of a document number nobody reported: the register answers clear.
    private const string Unreported = "X898902C36UTO7408132F1204159ZE184226B<<<<<10";

    // Garbled: the state and nationality are no codes and the birth month is 13.
    private const string GarbledLine1 = "P<QQQERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<";
    private const string GarbledLine2 = "X898902C36QQQ7413322F1204159ZE184226B<<<<<10";

    [Fact]
    public async Task A_forged_MRZ_shows_amber_CHECK_THE_DOCUMENT_never_green_and_a_hit_stays_red_with_the_reasons()
    {
        await using var app = await TestApp.StartAsync(Db.Sqlite, kestrel: true);
        await app.AddAgencyAsync("FR-POLICE", "police");
        await app.AddAgencyAsync("FR-DOUANE", "customs");
        await app.AddUserAsync("FR-POLICE", "police.coord", "coordinator");
        await app.AddUserAsync("FR-DOUANE", "douane.officer", "officer");
        using var owner = new HttpClient { BaseAddress = app.BaseAddress };
        owner.DefaultRequestHeaders.Authorization = new("Bearer", await app.TokenAsync("police.coord"));
        var record = new
        {
            documentNumber = "L898902C3",
            issuingState = "UTO",
            documentType = "passport",
            status = "stolen",
        };
        (await owner.PostAsJsonAsync("/api/v1/documents", record)).EnsureSuccessStatusCode();

        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await Chromium.NewPageAsync(browser,
            new BrowserNewPageOptions { BaseURL = app.BaseAddress!.ToString(), Locale = "en-GB" });
        await SignInAsync(page, "douane.officer");

        // Clear in the register, but the document fails its check: amber, and says why.
        await ScanAsync(page, Line1, Unreported);
        var banner = page.Locator("#result");
        await Assertions.Expect(banner).ToHaveClassAsync(new Regex("banner-check"));
        await Assertions.Expect(banner).ToContainTextAsync("CHECK THE DOCUMENT");
        await Assertions.Expect(banner).Not.ToContainTextAsync("CLEAR");
        AssertAmber(await BackgroundAsync(banner));
        await Assertions.Expect(page.Locator("#document-check li[data-code='mrz.check-digit.birth-date']"))
            .ToContainTextAsync("The birth date's check digit is wrong.");
        await Assertions.Expect(page.Locator("#query")).ToBeFocusedAsync();

        // A reload shows the same answer: no second screening, and nothing personal in the address.
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#result")).ToHaveClassAsync(new Regex("banner-check"));
        Assert.Matches(new Regex("/Screen\\?r=[0-9a-f]{16}$"), page.Url);
        Assert.DoesNotContain("898902", page.Url, StringComparison.Ordinal);
        await using (var context = app.NewContext())
        {
            Assert.Equal(1, await context.AuditEntries.CountAsync(e => e.Operation == "document.screened"));
        }

        // A hit stays red whatever the check says, and the check's reasons are still listed.
        await ScanAsync(page, Line1, Forged);
        await Assertions.Expect(page.Locator("#result")).ToHaveClassAsync(new Regex("banner-hit"));
        await Assertions.Expect(page.Locator("#result")).ToContainTextAsync("HIT");
        var (red, green, blue) = Rgb(await BackgroundAsync(page.Locator("#result")));
        Assert.True(red > 150 && green < 60 && blue < 60, $"the hit banner is rgb({red}, {green}, {blue}), not red");
        await Assertions.Expect(page.Locator("#document-check")).ToContainTextAsync("CHECK THE DOCUMENT");
        await Assertions.Expect(page.Locator("#document-check li")).ToHaveCountAsync(2);

        // In French too.
        await page.GetByLabel("Language").SelectOptionAsync("fr");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change" }).ClickAsync();
        await ScanAsync(page, GarbledLine1, GarbledLine2);
        await Assertions.Expect(page.Locator("#result")).ToContainTextAsync("VÉRIFIEZ LE DOCUMENT");
        AssertAmber(await BackgroundAsync(page.Locator("#result")));
        await Assertions.Expect(page.Locator("#document-check li[data-code='mrz.issuing-state']"))
            .ToContainTextAsync("L'État émetteur « QQQ » n'est pas un code OACI");
    }

    /// <summary>As a keyboard-wedge reader does: each line, then Enter; the complete MRZ submits itself.</summary>
    private static async Task ScanAsync(IPage page, string line1, string line2)
    {
        await page.GotoAsync("/Screen");
        await Assertions.Expect(page.Locator("#query")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(line1);
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.TypeAsync(line2);
        await page.WaitForURLAsync(new Regex("/Screen\\?r="));
    }

    private static Task<string> BackgroundAsync(ILocator element) =>
        element.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");

    private static (int Red, int Green, int Blue) Rgb(string css)
    {
        var parts = Regex.Matches(css, "\\d+").Select(m => int.Parse(m.Value, CultureInfo.InvariantCulture)).ToArray();
        return (parts[0], parts[1], parts[2]);
    }

    /// <summary>Amber, like the possible-match banner: much red, some green, little blue; never green.</summary>
    private static void AssertAmber(string css)
    {
        var (red, green, blue) = Rgb(css);
        Assert.True(red > 200 && green is > 100 and < 200 && blue < 80 && red > green,
            $"the banner is {css}, not amber");
    }

    private static async Task SignInAsync(IPage page, string login)
    {
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Login").FillAsync(login);
        await page.GetByLabel("Password").FillAsync(TestApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Browsing.LeftSignInAsync(page, login);
    }
}
