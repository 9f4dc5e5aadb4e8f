using System.Net.Http.Json;
using Microsoft.Playwright;
using Passerelle.Core.Trust.Access;
using Passerelle.Core.Trust.Agencies;
using Passerelle.IntegrationTests.Support;

namespace Passerelle.BrowserTests;

/// <summary>
/// The detention loop, in the browser: the rights holder describes its product; an officer types its GTIN, sees the
/// sheet and the active alert, detains the goods and sends a photo; the rights holder answers "counterfeit"; the
/// officer records the seizure, which the statistics page then draws.
/// </summary>
public sealed class AuthenticationJourneyTests
{
    // GS1 General Specifications, section 7.9: 6291041500213 is a valid GTIN-13.
    private const string Gtin = "6291041500213";

    [Fact]
    public async Task An_officer_detains_goods_with_a_photo_the_rights_holder_says_counterfeit_and_the_seizure_reaches_the_statistics()
    {
        await using var app = await TestApp.StartAsync(Db.Sqlite, kestrel: true);
        await app.AddAgencyAsync("RH-LUMIERE", "rights-holder");
        await app.AddAgencyAsync("FR-DOUANE", "customs");
        await app.RunAsync<VerifyRightsHolder, AgencySummary>(h => h.HandleAsync(Actor.Console(), "RH-LUMIERE", "Trade-mark register checked.", default));
        await app.AddUserAsync("RH-LUMIERE", "lumiere.brand", "rights-holder");
        await app.AddUserAsync("FR-DOUANE", "douane.officer", "officer");

        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await Chromium.NewPageAsync(browser, new BrowserNewPageOptions { BaseURL = app.BaseAddress!.ToString(), Locale = "en-GB", ViewportSize = new() { Width = 412, Height = 915 } });
        var a11y = Accessibility.Watch(page);
        var asked = new List<string>();
        Browsing.AcceptConfirmations(page, asked);

        // The rights holder describes the genuine product and publishes it; an alert is raised through the API.
        await Browsing.SignInAsync(page, "lumiere.brand", a11y);
        await page.GotoAsync("/Brand/Product");
        await a11y.CheckAsync();
        await page.GetByLabel("Brand").FillAsync("Lumière");
        await page.GetByLabel("Product name").FillAsync("Eau de parfum 50 ml");
        await page.GetByLabel("GTINs (one per line)").FillAsync(Gtin);
        await page.GetByLabel("HS code (2, 4 or 6 digits)").FillAsync("330300");
        await page.GetByLabel("How to tell a fake").FillAsync("Genuine caps are engraved; fakes are printed.");
        await page.Locator("#features-0-description").FillAsync("Hologram on the box changes from gold to green.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save as a new version" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish to officers" }).ClickAsync();
        await Assertions.Expect(page.Locator("#sheet-status")).ToContainTextAsync("Published");
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Published to officers.");
        await a11y.CheckAsync();
        var productId = Guid.Parse(page.Url.Split('/')[^1]);
        using var brandApi = new HttpClient { BaseAddress = app.BaseAddress };
        brandApi.DefaultRequestHeaders.Authorization = new("Bearer", await app.TokenAsync("lumiere.brand"));
        (await brandApi.PostAsJsonAsync("/api/v1/alerts", new { title = "Fake Lumière by sea from Ningbo", products = new[] { productId }, containers = new[] { "CSQU3054383" }, targetCountries = new[] { "FRA" }, confidence = "high" }))
            .EnsureSuccessStatusCode();
        await SignOutAsync(page);

        // The officer, on a phone-sized screen, types the GTIN and sees the sheet and the alert.
        await Browsing.SignInAsync(page, "douane.officer", a11y);
        await page.GotoAsync("/Products/Lookup");
        await page.GetByLabel("Barcode, GS1 Digital Link or words").FillAsync(Gtin);
        await page.GetByRole(AriaRole.Button, new() { Name = "Look up" }).ClickAsync();
        var product = page.Locator("article.product");
        await Assertions.Expect(product.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToContainTextAsync("Lumière · Eau de parfum 50 ml");
        await Assertions.Expect(product.GetByRole(AriaRole.Alert)).ToContainTextAsync("Fake Lumière by sea from Ningbo");
        await Assertions.Expect(product).ToContainTextAsync("Hologram on the box");
        await a11y.CheckAsync();

        // Detains 240 bottles and sends a photo with the request.
        await product.GetByRole(AriaRole.Link, new() { Name = "Detain and ask for authentication" }).ClickAsync();
        await a11y.CheckAsync();
        await page.GetByLabel("Quantity detained").FillAsync("240");
        await page.GetByLabel("Where the goods are held").FillAsync("Le Havre, terminal de France");
        await page.GetByLabel("Route (from, to, how)").FillAsync("Ningbo – Le Havre, sea");
        await page.GetByLabel("Message to the rights holder").FillAsync("Bottles lighter than usual.");
        await page.GetByLabel("Photos of the goods (JPEG, PNG or WebP, at most 5 MB each)").SetInputFilesAsync(
            new FilePayload { Name = "bottles.jpg", MimeType = "image/jpeg", Buffer = Pictures.Jpeg(640, 480) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the request" }).ClickAsync();
        await Assertions.Expect(page.Locator("#verdict")).ToContainTextAsync("Awaiting the rights holder");
        await AssertPhotoShownAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Request sent to RH-LUMIERE");
        await a11y.CheckAsync();
        await SignOutAsync(page);

        // The rights holder finds the request, sees the photo and answers "counterfeit".
        await Browsing.SignInAsync(page, "lumiere.brand", a11y);
        await page.GotoAsync("/Authentications");
        await Assertions.Expect(page.Locator("#notifications")).ToContainTextAsync("FR-DOUANE detained 240");
        await a11y.CheckAsync();
        await page.Locator("#requests tbody tr").First.GetByRole(AriaRole.Link).ClickAsync();
        await AssertPhotoShownAsync(page);
        await page.GetByLabel("Counterfeit").CheckAsync();
        await page.GetByLabel("Reasons").FillAsync("Printed cap, no hologram; batch code format is not ours.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the reply" }).ClickAsync();
        await Assertions.Expect(page.Locator("#verdict")).ToContainTextAsync("counterfeit");
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Your reply was sent.");
        await a11y.CheckAsync();
        await SignOutAsync(page);

        // The officer records the seizure, and the statistics page draws it.
        await Browsing.SignInAsync(page, "douane.officer", a11y);
        await page.GotoAsync("/Authentications");
        await page.Locator("#requests tbody tr").First.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.Locator("#verdict")).ToContainTextAsync("counterfeit");
        await page.GetByLabel("Outcome").SelectOptionAsync("seized");
        await page.GetByLabel("Estimated value").FillAsync("19200");
        await page.GetByLabel("Currency (ISO 4217)").SelectOptionAsync("EUR");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record" }).ClickAsync();
        await Assertions.Expect(page.Locator("#outcome")).ToHaveTextAsync("seized");
        await Assertions.Expect(page.Locator("#outcome-quantity")).ToHaveTextAsync("240");
        await Assertions.Expect(page.Locator("#outcome-value")).ToHaveTextAsync("€19,200.00");
        Assert.Equal(["Publish this sheet? Officers see it at once.", "Record this outcome? It is counted in the seizure statistics."], asked);
        await a11y.CheckAsync();
        await page.GotoAsync("/Statistics/Seizures");
        await Assertions.Expect(page.Locator("#by-brand")).ToContainTextAsync("Lumière");
        await Assertions.Expect(page.Locator("#by-brand rect.bar")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#by-hs-chapter")).ToContainTextAsync("33");
        await Assertions.Expect(page.Locator("#by-route")).ToContainTextAsync("Ningbo – Le Havre, sea");
        await Assertions.Expect(page.Locator("#by-brand")).ToContainTextAsync("240");
        await a11y.CheckAsync();
        a11y.AssertEveryPageChecked();
    }

    /// <summary>The thumbnail is an image the browser could decode, fetched under the signed-in user's own rights.</summary>
    private static async Task AssertPhotoShownAsync(IPage page)
    {
        var photo = page.Locator("#photos img").First;
        await Assertions.Expect(photo).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("() => { const i = document.querySelector('#photos img'); return i && i.complete && i.naturalWidth > 0; }");
    }

    private static Task SignOutAsync(IPage page) => page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
}
