using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Passerelle.Core.Trust.Access;
using Passerelle.IntegrationTests.Support;
using Passerelle.Pages.Tokens;
using Passerelle.Tests.Shared;

namespace Passerelle.IntegrationTests.Foundation;

/// <summary>
/// A page offers a form only to those the rule behind its handler lets act: the view asks AccessRules, as the handler
/// does, so no one is shown a button that can only be refused, and no one who may act misses it.
/// </summary>
public sealed class PageFormsTests
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_agencies_page_offers_a_coordinator_its_own_settings_and_an_administrator_everything(Db db)
    {
        await using var app = await StartAsync(db);
        var coordinator = await SignInAsync(app, "coord.a", secondFactor: true);
        var admin = await SignInAsync(app, "admin.a", secondFactor: true);

        var (_, home) = await coordinator.GetAsync("/Agencies");
        var (_, all) = await admin.GetAsync("/Agencies");

        Assert.Equal(["FR-A"], FormsFor(home, "Settings"));
        Assert.Empty(FormsFor(home, "Verify"));
        Assert.DoesNotContain("handler=Add", home, StringComparison.Ordinal);
        Assert.Equal(["FR-A", "FR-B"], FormsFor(all, "Settings"));
        Assert.Equal(["RH-X"], FormsFor(all, "Verify"));
        Assert.Contains("handler=Add", all, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_token_form_is_offered_to_a_coordinator_and_not_to_an_officer(Db db)
    {
        await using var app = await StartAsync(db);
        var coordinator = await SignInAsync(app, "coord.a", secondFactor: true);
        var officer = await SignInAsync(app, "officer.a", secondFactor: false);

        var (_, offered) = await coordinator.GetAsync("/Tokens");
        var (opened, withheld) = await officer.GetAsync("/Tokens");

        Assert.Contains("handler=Create", offered, StringComparison.Ordinal);
        Assert.True(opened.IsSuccessStatusCode);
        Assert.DoesNotContain("handler=Create", withheld, StringComparison.Ordinal);
    }

    /// <summary>
    /// The form offers the scopes a token of someone the person manages could carry, each in words beside its name,
    /// and once a token is made it starts afresh: the next token is not made from the last one's choices by mistake.
    /// </summary>
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_token_form_offers_the_scopes_a_persons_people_may_hold_and_starts_afresh_after_a_token(Db db)
    {
        await using var app = await StartAsync(db);
        var coordinator = await SignInAsync(app, "coord.a", secondFactor: true);
        var admin = await SignInAsync(app, "admin.a", secondFactor: true);

        var (_, form) = await coordinator.GetAsync("/Tokens");
        var (_, everything) = await admin.GetAsync("/Tokens");

        Assert.Equal(Scopes.AllowedFor(Roles.CoordinatorGrants).Order(StringComparer.Ordinal), Offered(form));
        Assert.DoesNotContain(Scopes.AuditRead, Offered(form));
        Assert.Equal(Scopes.All.Order(StringComparer.Ordinal), Offered(everything));
        Assert.True(ScopeWords.CoverAll);
        Assert.Contains("Screen travel documents, hit or no hit alone", form, StringComparison.Ordinal);

        var (_, made) = await coordinator.PostFormAsync("/Tokens", "/Tokens?handler=Create",
            ("user", "officer.a"), ("scopes", Scopes.DocumentsScreen), ("expiresInDays", "7"), ("name", "gate-3"));
        Assert.NotEmpty(Browserless.Inner(made, "new-token"));
        Assert.DoesNotMatch(new Regex("name=\"scopes\"[^>]*checked"), made);
        Assert.DoesNotMatch(new Regex("<input[^>]*name=\"user\"[^>]*value=\"[^\"]"), made);
        Assert.Matches(new Regex("<input[^>]*name=\"expiresInDays\"[^>]*value=\"90\""), made);
        Assert.Contains("<span>In use</span>", made, StringComparison.Ordinal);

        // Past its expiry the token is refused, and the page says so rather than "In use".
        await using (var context = app.NewContext())
        {
            var past = DateTime.UtcNow.AddMinutes(-1);
            await context.ApiTokens.ExecuteUpdateAsync(t => t.SetProperty(x => x.ExpiresAt, past));
        }

        var (_, later) = await coordinator.GetAsync("/Tokens");
        Assert.Contains("<span>Expired</span>", later, StringComparison.Ordinal);
        Assert.DoesNotContain("<span>In use</span>", later, StringComparison.Ordinal);
    }

    private static string[] Offered(string page) =>
        [.. Regex.Matches(page, "name=\"scopes\" value=\"([^\"]+)\"").Select(m => m.Groups[1].Value)];

    private static async Task<TestApp> StartAsync(Db db)
    {
        var app = await TestApp.StartAsync(db);
        await app.AddAgencyAsync("FR-A");
        await app.AddAgencyAsync("FR-B");
        await app.AddAgencyAsync("RH-X", "rights-holder");
        await app.AddUserAsync("FR-A", "coord.a", "coordinator");
        await app.AddUserAsync("FR-A", "officer.a", "officer");
        await app.AddUserAsync("FR-A", "admin.a", "admin");
        return app;
    }

    private static async Task<Browserless> SignInAsync(TestApp app, string login, bool secondFactor)
    {
        var browser = new Browserless(app);
        var (_, page) = await browser.PostFormAsync(
            "/Account/Login", "/Account/Login", ("login", login), ("password", TestApp.Password));
        if (secondFactor)
        {
            var code = Totp.Code(Browserless.Inner(page, "totp-key"), DateTimeOffset.UtcNow);
            await browser.PostFormAsync("/Account/EnrolTotp", "/Account/EnrolTotp", ("code", code));
        }

        return browser;
    }

    /// <summary>The agency codes the page's forms for <paramref name="handler"/> act on, in page order.</summary>
    private static string[] FormsFor(string html, string handler)
    {
        var form = $"action=\"/Agencies\\?handler={handler}\"[^>]*>\\s*";
        var code = "<input type=\"hidden\" name=\"code\" value=\"([^\"]+)\"";
        return [.. Regex.Matches(html, form + code, RegexOptions.CultureInvariant).Select(m => m.Groups[1].Value)];
    }
}
