using System.Net;
using Passerelle.IntegrationTests.Support;

namespace Passerelle.IntegrationTests.Reliability;

/// <summary>
/// A person at a browser when the link to PostgreSQL is cut: a page in their language that says what happened, never
/// the JSON an API client reads, and nothing of the driver's own words.
/// </summary>
public sealed class OutagePageTests
{
    [Fact]
    public async Task A_person_signing_in_during_an_outage_is_shown_a_page_that_says_so_not_json()
    {
        var database = (await TestApp.DatabaseSettingsAsync(Db.PostgreSql))["ConnectionStrings:Passerelle"]!;
        await using var link = new CuttableLink(database);
        await using var app = await TestApp.StartAsync(Db.PostgreSql, new Dictionary<string, string?>
        {
            ["ConnectionStrings:Passerelle"] = link.ConnectionString,
        });
        await app.AddAgencyAsync("FR-DOUANE");
        await app.AddUserAsync("FR-DOUANE", "douane.officer", "officer");
        var browser = new Browserless(app);
        browser.Client.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        var (_, form) = await browser.GetAsync("/Account/Login");

        link.Cut();
        var signIn = await browser.Client.PostAsync("/Account/Login",
            new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["login"] = "douane.officer",
                ["password"] = TestApp.Password,
                ["__RequestVerificationToken"] = Browserless.AntiforgeryToken(form),
            }));
        var page = await signIn.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, signIn.StatusCode);
        Assert.Equal("text/html", signIn.Content.Headers.ContentType?.MediaType);
        Assert.Contains("The database cannot be reached just now. Try again in a moment", page,
            StringComparison.Ordinal);
        Assert.Contains("lang=\"fr\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Npgsql", page, StringComparison.OrdinalIgnoreCase);
    }
}
