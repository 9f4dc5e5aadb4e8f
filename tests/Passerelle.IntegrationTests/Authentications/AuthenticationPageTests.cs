using System.Net;
using Microsoft.EntityFrameworkCore;
using Passerelle.IntegrationTests.Support;

namespace Passerelle.IntegrationTests.Authentications;

/// <summary>The detention page: the outcome form when the rules allow it, and stored values in the reader's language.</summary>
public sealed class AuthenticationPageTests
{
    private sealed record Pages(AuthenticationWorld World, Browserless Officer, Browserless Brand)
    {
        public string Detail => $"/Authentications/Detail/{World.Request}";

        public Task<(HttpResponseMessage Response, string Html)> RecordAsync(params (string, string)[] fields) =>
            Officer.PostFormAsync(Detail, $"{Detail}?handler=Outcome", fields);
    }

    private static async Task<Pages> StartAsync(Db db, string? language = null)
    {
        var world = await AuthenticationWorld.StartAsync(db);
        return new Pages(world, await SignInAsync(world.App, "douane.officer", language),
            await SignInAsync(world.App, "lumiere.brand", language));
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

    // Razor writes accented letters and apostrophes as character references; a reader sees them decoded.
    private static string Read(string html) => WebUtility.HtmlDecode(html);

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_outcome_form_comes_after_the_verdict_with_nothing_chosen_then_offers_its_author_a_correction(Db db)
    {
        var p = await StartAsync(db);
        await using var _ = p.World.App;

        var (_, waiting) = await p.Officer.GetAsync(p.Detail);
        await p.World.AnswerAsync("Cap is printed, not engraved.");
        var (_, answered) = await p.Officer.GetAsync(p.Detail);
        var (_, unchosen) = await p.RecordAsync(("quantity", "240"));
        var (_, recorded) = await p.RecordAsync(
            ("outcome", "seized"), ("quantity", "240"), ("estimatedValue", "4800,50"), ("currency", "EUR"));
        var (_, holder) = await p.Brand.GetAsync(p.Detail);

        Assert.DoesNotContain("name=\"outcome\"", waiting, StringComparison.Ordinal);
        Assert.Contains("id=\"outcome-waits\"", waiting, StringComparison.Ordinal);
        Assert.Contains("<option value=\"\" selected=\"selected\">", answered, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"seized\" selected", answered, StringComparison.Ordinal);
        Assert.Contains("The outcome is released, seized or destroyed.", unchosen, StringComparison.Ordinal);
        string Shown(string id) => Browserless.Inner(recorded, id);
        Assert.Equal(("seized", "240", "€4,800.50"), (Shown("outcome"), Shown("outcome-quantity"), Shown("outcome-value")));
        Assert.Equal(("counterfeit", "Cap is printed, not engraved."), (Shown("verdict"), Shown("verdict-reasons")));
        Assert.Contains("id=\"correction-window\"", recorded, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"outcome\"", holder, StringComparison.Ordinal);
        await using var context = p.World.App.NewContext();
        Assert.Equal(1, await context.AuditEntries.CountAsync(e => e.Operation == "detention.outcome"));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_French_reader_sees_the_verdict_the_outcome_its_value_and_Core_messages_in_French(Db db)
    {
        var p = await StartAsync(db, "fr");
        await using var _ = p.World.App;
        await p.World.AnswerAsync();

        var (_, refused) = await p.RecordAsync(("outcome", "seized"), ("estimatedValue", "4800,505"), ("currency", "EUR"));
        var (_, page) = await p.RecordAsync(
            ("outcome", "seized"), ("quantity", "240"), ("estimatedValue", "4800,50"), ("currency", "EUR"));
        var (_, list) = await p.Officer.GetAsync("/Authentications");
        var (_, inbox) = await p.Brand.GetAsync("/Authentications");

        Assert.Contains("Un montant en EUR a au plus 2 décimales.", Read(refused), StringComparison.Ordinal);
        string Shown(string id) => Browserless.Inner(page, id);
        Assert.Equal(("contrefaçon", "saisie", "4\u202f800,50\u00a0€"), (Shown("verdict"), Shown("outcome"), Shown("outcome-value")));
        Assert.Contains("Corriger l'issue", Read(page), StringComparison.Ordinal);
        Assert.Contains("\">contrefaçon</td>", Read(list), StringComparison.Ordinal);
        Assert.Contains("\">saisie</td>", Read(list), StringComparison.Ordinal);
        Assert.DoesNotContain("\">seized</td>", Read(list), StringComparison.Ordinal);
        Assert.Contains("issue enregistrée", Read(inbox), StringComparison.Ordinal);
    }
}
