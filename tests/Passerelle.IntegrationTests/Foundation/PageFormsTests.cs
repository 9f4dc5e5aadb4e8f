using System.Text.RegularExpressions;
using Passerelle.IntegrationTests.Support;
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
