using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Passerelle.Core.Access;
using Passerelle.Core.Agencies;
using Passerelle.IntegrationTests.Support;

namespace Passerelle.IntegrationTests.Products;

/// <summary>The detention page: the outcome form when the rules allow it, and every stored value in the reader's language.</summary>
public sealed class DetentionPageTests
{
    private sealed record World(TestApp App, HttpClient Brand, Browserless Officer, Browserless BrandPage, Guid Request)
    {
        public string Page => $"/Authentications/Detail/{Request}";

        public Task<(HttpResponseMessage Response, string Html)> RecordAsync(params (string, string)[] fields) =>
            Officer.PostFormAsync(Page, $"{Page}?handler=Outcome", fields);

        public async Task AnswerAsync() =>
            (await Brand.PostAsJsonAsync($"/api/v1/authentications/{Request}/reply", new { verdict = "counterfeit", reasons = "Cap is printed, not engraved." }))
                .EnsureSuccessStatusCode();
    }

    private static async Task<World> WorldAsync(Db db, string? language = null)
    {
        var app = await TestApp.StartAsync(db);
        await app.AddAgencyAsync("RH-LUMIERE", "rights-holder");
        await app.AddAgencyAsync("FR-DOUANE", "customs");
        await app.RunAsync<VerifyRightsHolder, AgencySummary>(h => h.HandleAsync(Actor.Console(), "RH-LUMIERE", "Checked.", default));
        await app.AddUserAsync("RH-LUMIERE", "lumiere.brand", "rights-holder");
        await app.AddUserAsync("FR-DOUANE", "douane.officer", "officer");
        var brand = app.ClientWithToken(await app.TokenAsync("lumiere.brand"));
        var sheet = new { brand = "Lumière", name = "Eau de parfum", gtins = new[] { "6291041500213" }, hsCode = "330300" };
        var product = (await (await brand.PostAsJsonAsync("/api/v1/products", sheet)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await brand.PostAsync($"/api/v1/products/{product}/publish", null)).EnsureSuccessStatusCode();
        var officerApi = app.ClientWithToken(await app.TokenAsync("douane.officer"));
        var created = await officerApi.PostAsJsonAsync("/api/v1/authentications", new { productId = product, quantity = 240, place = "Le Havre" });
        var request = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        return new World(app, brand, await SignInAsync(app, "douane.officer", language), await SignInAsync(app, "lumiere.brand", language), request);
    }

    private static async Task<Browserless> SignInAsync(TestApp app, string login, string? language)
    {
        var browser = new Browserless(app);
        if (language is not null)
        {
            browser.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        }

        await browser.PostFormAsync("/Account/Login", "/Account/Login", ("login", login), ("password", TestApp.Password));
        return browser;
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_outcome_form_comes_after_the_verdict_with_nothing_chosen_and_then_offers_its_author_a_correction(Db db)
    {
        var w = await WorldAsync(db);
        await using var _ = w.App;

        var (_, waiting) = await w.Officer.GetAsync(w.Page);
        await w.AnswerAsync();
        var (_, answered) = await w.Officer.GetAsync(w.Page);
        var (_, unchosen) = await w.RecordAsync(("quantity", "240"));
        var (_, recorded) = await w.RecordAsync(("outcome", "seized"), ("quantity", "240"), ("estimatedValue", "4800,50"), ("currency", "EUR"));

        Assert.DoesNotContain("name=\"outcome\"", waiting, StringComparison.Ordinal);
        Assert.Contains("id=\"outcome-waits\"", waiting, StringComparison.Ordinal);
        Assert.Contains("<option value=\"\" selected=\"selected\">", answered, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"seized\" selected", answered, StringComparison.Ordinal);
        Assert.Contains("The outcome is released, seized or destroyed.", unchosen, StringComparison.Ordinal);
        Assert.Equal(("seized", "240", "€4,800.50"),
            (Browserless.Inner(recorded, "outcome"), Browserless.Inner(recorded, "outcome-quantity"), Browserless.Inner(recorded, "outcome-value")));
        Assert.Equal(("counterfeit", "Cap is printed, not engraved."), (Browserless.Inner(recorded, "verdict"), Browserless.Inner(recorded, "verdict-reasons")));
        Assert.Contains("id=\"correction-window\"", recorded, StringComparison.Ordinal);
        var (_, holder) = await w.BrandPage.GetAsync(w.Page);
        Assert.DoesNotContain("name=\"outcome\"", holder, StringComparison.Ordinal);
        await using var context = w.App.NewContext();
        Assert.Equal(1, await context.AuditEntries.CountAsync(e => e.Operation == "detention.outcome"));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_French_reader_sees_the_verdict_the_outcome_its_value_and_Core_messages_in_French(Db db)
    {
        var w = await WorldAsync(db, "fr");
        await using var _ = w.App;
        await w.AnswerAsync();

        var (_, refused) = await w.RecordAsync(("outcome", "seized"), ("estimatedValue", "4800,505"), ("currency", "EUR"));
        var (_, page) = await w.RecordAsync(("outcome", "seized"), ("quantity", "240"), ("estimatedValue", "4800,50"), ("currency", "EUR"));
        var (_, list) = await w.Officer.GetAsync("/Authentications");
        var (_, inbox) = await w.BrandPage.GetAsync("/Authentications");

        // Razor writes accented letters as character references; the reader sees them decoded.
        static string Read(string html) => System.Net.WebUtility.HtmlDecode(html);
        Assert.Contains("Un montant en EUR a au plus 2 décimales.", Read(refused), StringComparison.Ordinal);
        Assert.Equal(("contrefaçon", "saisie", "4\u202f800,50\u00a0€"),
            (Browserless.Inner(page, "verdict"), Browserless.Inner(page, "outcome"), Browserless.Inner(page, "outcome-value")));
        Assert.Contains("Corriger l'issue", Read(page), StringComparison.Ordinal);
        Assert.Contains("<td>contrefaçon</td>", Read(list), StringComparison.Ordinal);
        Assert.Contains("<td>saisie</td>", Read(list), StringComparison.Ordinal);
        Assert.DoesNotContain("<td>seized</td>", Read(list), StringComparison.Ordinal);
        Assert.Contains("issue enregistrée", Read(inbox), StringComparison.Ordinal);
    }
}
