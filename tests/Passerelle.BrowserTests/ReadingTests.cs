using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Passerelle.Core.Trust.Access;
using Passerelle.Core.Trust.Agencies;
using Passerelle.IntegrationTests.Support;

namespace Passerelle.BrowserTests;

/// <summary>
/// The pages people read at a counter or on a phone: the screening result, the hit inbox, the product lookup and the
/// audit trail (and the other lists: authentication requests, records, people, tokens, agencies), at a phone's
/// 390×844 and a desktop's 1366×900. Their tables and buttons show whole words.
/// </summary>
public sealed class ReadingTests
{
    // ICAO Doc 9303 Part 4, Appendix A: the TD3 specimen passport, document L898902C3.
    private const string Line1 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<";
    private const string Line2 = "L898902C36UTO7408122F1204159ZE184226B<<<<<10";

    // GS1 General Specifications, section 7.9: 6291041500213 is a valid GTIN-13; 4006381333931 is GS1 Germany's
    // example GTIN-13.
    private const string Perfume = "6291041500213";
    private const string Pen = "4006381333931";

    private static readonly (int Width, int Height)[] Viewports = [(390, 844), (1366, 900)];

    [Fact]
    public async Task No_word_in_a_table_cell_or_button_is_broken_across_lines_or_wider_than_its_box_on_a_phone_or_a_desktop()
    {
        await using var app = await WorldAsync();
        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var officer = await NewPageAsync(browser, app);
        var coordinator = await NewPageAsync(browser, app);
        var auditor = await NewPageAsync(browser, app);
        var watched = new[] { officer, coordinator, auditor }.Select(Accessibility.Watch).ToArray();
        await Browsing.SignInAsync(officer, "douane.officer", watched[0]);
        await Browsing.SignInEnrollingTotpAsync(coordinator, "police.coordinator", watched[1]);
        await Browsing.SignInEnrollingTotpAsync(auditor, "douane.auditor", watched[2]);
        var misfits = new List<string>();

        foreach (var (width, height) in Viewports)
        {
            foreach (var page in new[] { officer, coordinator, auditor })
            {
                await page.SetViewportSizeAsync(width, height);
            }

            await ScreenSpecimenAsync(officer);
            misfits.AddRange(await MisfitsAsync(officer, watched[0], width));
            await officer.GotoAsync($"/Products/Lookup?q={Perfume}");
            await Assertions.Expect(officer.Locator("article.product")).ToHaveCountAsync(1);
            misfits.AddRange(await MisfitsAsync(officer, watched[0], width));
            await officer.GotoAsync("/Authentications");
            await Assertions.Expect(officer.Locator("#requests tbody tr")).ToHaveCountAsync(2);
            misfits.AddRange(await MisfitsAsync(officer, watched[0], width));
            await coordinator.GotoAsync("/Hits");
            await Assertions.Expect(coordinator.Locator("#hit-cases tbody tr").First).ToBeVisibleAsync();
            misfits.AddRange(await MisfitsAsync(coordinator, watched[1], width));
            foreach (var list in new[] { "/Documents", "/Users", "/Tokens", "/Agencies" })
            {
                await coordinator.GotoAsync(list);
                await Assertions.Expect(coordinator.Locator("main table tbody tr").First).ToBeVisibleAsync();
                misfits.AddRange(await MisfitsAsync(coordinator, watched[1], width));
            }

            await auditor.GotoAsync("/Audit");
            await Assertions.Expect(auditor.Locator("#audit-entries tbody tr").First).ToBeVisibleAsync();
            misfits.AddRange(await MisfitsAsync(auditor, watched[2], width));
        }

        Assert.True(misfits.Count == 0, string.Join("\n", misfits));
        foreach (var a11y in watched)
        {
            a11y.AssertEveryPageChecked();
        }
    }

    /// <summary>The specimen, typed by a wedge MRZ reader: each line and Enter; the complete MRZ submits itself.</summary>
    internal static async Task ScreenSpecimenAsync(IPage page)
    {
        await page.GotoAsync("/Screen");
        await Assertions.Expect(page.Locator("#query")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(Line1);
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.TypeAsync(Line2);
        await Assertions.Expect(page.GetByRole(AriaRole.Alert).First).ToContainTextAsync("HIT");
    }

    private static async Task<IEnumerable<string>> MisfitsAsync(IPage page, Accessibility a11y, int width)
    {
        var found = await Words.MisfitsAsync(page);

        await a11y.CheckAsync();
        var path = new Uri(page.Url).AbsolutePath;
        return found.Select(f => $"{path} at {width} px: {f}");
    }

    internal static async Task<IPage> NewPageAsync(IBrowser browser, TestApp app, int width = 1366, int height = 900) =>
        await Chromium.NewPageAsync(browser, new BrowserNewPageOptions
        {
            BaseURL = app.BaseAddress!.ToString(),
            Locale = "en-GB",
            ViewportSize = new() { Width = width, Height = height },
        });

    /// <summary>
    /// French police own the specimen and four more records; French customs screened them all, so the police
    /// coordinator's inbox holds cases open, confirmed and mismatched; a rights holder published two products.
    /// </summary>
    internal static async Task<TestApp> WorldAsync()
    {
        var app = await TestApp.StartAsync(Db.Sqlite, kestrel: true);
        await app.AddAgencyAsync("FR-POLICE", "police");
        await app.AddAgencyAsync("FR-DOUANE", "customs");
        await app.AddAgencyAsync("RH-LUMIERE", "rights-holder");
        await app.RunAsync<VerifyRightsHolder, AgencySummary>(h => h.HandleAsync(Actor.Console(), "RH-LUMIERE", "Trade-mark register checked.", default));
        await app.AddUserAsync("FR-POLICE", "police.coordinator", "coordinator");
        await app.AddUserAsync("FR-DOUANE", "douane.officer", "officer");
        await app.AddUserAsync("FR-DOUANE", "douane.auditor", "auditor");
        await app.AddUserAsync("RH-LUMIERE", "lumiere.brand", "rights-holder");

        using var police = Api(app, await app.TokenAsync("police.coordinator"));
        using var officer = Api(app, await app.TokenAsync("douane.officer"));
        string[] numbers = ["L898902C3", "X4471890", "X4471891", "X4471892", "X4471893"];
        foreach (var number in numbers)
        {
            (await police.PostAsJsonAsync("/api/v1/documents", new { documentNumber = number, issuingState = "UTO", documentType = "passport", status = "stolen", holderName = "ERIKSSON ANNA MARIA" }))
                .EnsureSuccessStatusCode();
            (await officer.PostAsJsonAsync("/api/v1/documents/screen", new { documentNumber = number, issuingState = "UTO", purpose = "secondary-inspection", location = "Roissy-Charles-de-Gaulle terminal 2E" }))
                .EnsureSuccessStatusCode();
        }

        var cases = (await police.GetFromJsonAsync<JsonElement>("/api/v1/hits")).EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).ToList();
        (await police.PostAsJsonAsync($"/api/v1/hits/{cases[0]}/confirm", new { note = "Holder detained at the counter; passport seized." })).EnsureSuccessStatusCode();
        (await police.PostAsJsonAsync($"/api/v1/hits/{cases[1]}/mismatch", new { note = "Different holder." })).EnsureSuccessStatusCode();

        using var brand = Api(app, await app.TokenAsync("lumiere.brand"));
        var requests = new List<Guid>();
        foreach (var (gtin, name) in new[] { (Perfume, "Eau de parfum 50 ml"), (Pen, "Surligneur fluorescent jaune") })
        {
            var created = await brand.PostAsJsonAsync("/api/v1/products", new { brand = "Lumière", name, gtins = new[] { gtin }, counterfeitIndicators = "Genuine caps are engraved; fakes are printed." });
            created.EnsureSuccessStatusCode();
            var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            (await brand.PostAsync($"/api/v1/products/{id}/publish", null)).EnsureSuccessStatusCode();
            var request = await officer.PostAsJsonAsync("/api/v1/authentications", new { productId = id, quantity = 240, place = "Le Havre, terminal de France", route = "Ningbo – Le Havre, sea" });
            request.EnsureSuccessStatusCode();
            requests.Add((await request.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        }

        (await brand.PostAsJsonAsync($"/api/v1/authentications/{requests[0]}/reply", new { verdict = "counterfeit", reasons = "Printed cap." })).EnsureSuccessStatusCode();

        return app;
    }

    /// <summary>A client of the real server the browser talks to, with a person's token.</summary>
    internal static HttpClient Api(TestApp app, string token)
    {
        var client = new HttpClient { BaseAddress = app.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }
}
