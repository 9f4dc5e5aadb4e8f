using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Passerelle.IntegrationTests.Support;

namespace Passerelle.IntegrationTests.Foundation;

public sealed class ServerErrorTests
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_500_is_a_problem_with_a_request_id_and_nothing_internal(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        await app.AddAgencyAsync("FR-A");
        await app.AddUserAsync("FR-A", "officer.a", "officer");
        var client = app.ClientWithToken(await app.TokenAsync("officer.a"));
        await using (var context = app.NewContext())
        {
            await context.Database.ExecuteSqlRawAsync("ALTER TABLE api_tokens RENAME TO api_tokens_gone");
        }

        var response = await client.GetAsync("/api/v1/me");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        var problem = JsonSerializer.Deserialize<JsonElement>(body);
        Assert.Equal("server.error", problem.GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("requestId").GetString()));
        Assert.DoesNotContain("Sqlite", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("api_tokens", body, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_address_is_a_page_for_a_browser_and_a_problem_for_an_API_client()
    {
        await using var app = await TestApp.StartAsync(Db.Sqlite);
        await app.AddAgencyAsync("FR-A");
        await app.AddUserAsync("FR-A", "officer.a", "officer");
        var signedIn = new Browserless(app);
        await signedIn.PostFormAsync("/Account/Login", "/Account/Login", ("login", "officer.a"), ("password", TestApp.Password));
        using var browser = new HttpRequestMessage(HttpMethod.Get, "/no/such/page");
        browser.Headers.Accept.ParseAdd("text/html,application/xhtml+xml");

        var page = await signedIn.Client.SendAsync(browser, TestContext.Current.CancellationToken);
        var api = await app.ClientWithToken(await app.TokenAsync("officer.a"))
            .GetAsync("/api/v1/no-such-thing", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("There is no page at this address.", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/\">Home page", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/hits", "/hits")]
    [InlineData("//elsewhere.example/", "/elsewhere.example/")]
    [InlineData("/\\elsewhere.example/", "/elsewhere.example/")]
    [InlineData("/\\/\\/elsewhere.example", "/elsewhere.example")]
    public void The_error_pages_try_again_link_stays_on_this_site(string path, string link)
    {
        var http = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        http.Request.Path = path;

        Assert.Equal(link, Errors.Problems.SamePage(http));
    }

    [Fact]
    public async Task Serve_on_PostgreSQL_with_pending_migrations_refuses_to_start_and_names_the_fix()
    {
        var settings = await TestApp.DatabaseSettingsAsync(Db.PostgreSql);
        // Outside the test environment the server would first ask for its data-protection certificate.
        settings["DOTNET_ENVIRONMENT"] = "Testing";

        var serve = await PasserelleCli.RunAsync(settings, null, "serve", "--urls", "http://127.0.0.1:0");

        Assert.Equal(1, serve.ExitCode);
        Assert.Contains("passerelle db migrate", serve.Error, StringComparison.Ordinal);
        var migrate = await PasserelleCli.RunAsync(settings, null, "db", "migrate");
        Assert.Equal(0, migrate.ExitCode);
        Assert.Contains("Applied", migrate.Output, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Serve_demo_seeds_the_demo_world_into_an_empty_database(Db db)
    {
        await using var app = await TestApp.StartAsync(db, new Dictionary<string, string?> { ["Demo:Seed"] = "true" });

        await using var context = app.NewContext();
        var kinds = await context.Agencies.Select(a => a.Kind.ToString()).ToListAsync();
        Assert.Equal(["Customs", "Ncb", "Police", "RightsHolder"], kinds.Order(StringComparer.Ordinal));
        Assert.True(await context.Agencies.Where(a => a.Kind == Core.Trust.Agencies.AgencyKind.RightsHolder)
            .AllAsync(a => a.VerifiedAt != null));
        var roles = await context.UserRoles.Join(context.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).Distinct().ToListAsync();
        Assert.Equal(Core.Trust.Access.Roles.All.Order(StringComparer.Ordinal), roles.Order(StringComparer.Ordinal));
        var token = await app.TokenAsync("douane.officer");
        var officer = app.ClientWithToken(token);
        var me = await officer.GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.Equal("FR-DGDDI", me.GetProperty("agency").GetProperty("code").GetString());
        var screened = await officer.PostAsJsonAsync("/api/v1/documents/screen", new { documentNumber = "L898902C3", issuingState = "UTO", purpose = "border-check" });
        Assert.Equal("hit", (await screened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("result").GetString());
        var perfume = (await officer.GetFromJsonAsync<JsonElement>("/api/v1/products/lookup?q=6291041500213"))[0];
        Assert.Equal("Eau de Lumière 50 ml", perfume.GetProperty("name").GetString());
        Assert.Equal(1, perfume.GetProperty("alerts").GetArrayLength());
        Assert.Equal(2, perfume.GetProperty("features").GetArrayLength());
    }
}
