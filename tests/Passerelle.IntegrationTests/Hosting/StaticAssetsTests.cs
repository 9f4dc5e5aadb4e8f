using System.Net;
using System.Text.RegularExpressions;
using Passerelle.IntegrationTests.Support;

namespace Passerelle.IntegrationTests.Hosting;

/// <summary>The favicon, how long wwwroot's files are cached, and an API reference that reaches nowhere else.</summary>
public sealed partial class StaticAssetsTests
{
    [Theory]
    [InlineData("/favicon.ico", "image/x-icon")]
    [InlineData("/favicon.svg", "image/svg+xml")]
    public async Task The_favicon_is_served_to_anyone(string path, string type)
    {
        await using var app = await TestApp.StartAsync(Db.Sqlite);

        var response = await app.CreateClient().GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_versioned_style_sheet_is_cached_a_year_and_an_unversioned_or_stale_one_for_minutes()
    {
        await using var app = await TestApp.StartAsync(Db.Sqlite);
        var client = app.CreateClient();
        var page = await client.GetStringAsync("/Account/Login", TestContext.Current.CancellationToken);
        var versioned = StyleSheet().Match(page).Groups["url"].Value;
        Assert.Contains("?v=", versioned, StringComparison.Ordinal);

        var year = await client.GetAsync(versioned, TestContext.Current.CancellationToken);
        var plain = await client.GetAsync("/css/site.css", TestContext.Current.CancellationToken);
        var stale = await client.GetAsync("/css/site.css?v=not-its-hash", TestContext.Current.CancellationToken);

        Assert.Equal("public, max-age=31536000, immutable", year.Headers.CacheControl?.ToString());
        Assert.Equal("public, max-age=300", plain.Headers.CacheControl?.ToString());
        Assert.Equal("public, max-age=300", stale.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Answers_and_pages_that_carry_records_are_never_kept_by_the_browser()
    {
        await using var app = await TestApp.StartAsync(Db.Sqlite);
        await app.AddAgencyAsync("FR-DOUANE", "customs");
        await app.AddUserAsync("FR-DOUANE", "douane.officer", "officer");
        var api = app.ClientWithToken(await app.TokenAsync("douane.officer"));

        var me = await api.GetAsync("/api/v1/me", TestContext.Current.CancellationToken);
        var refused = await app.CreateClient().GetAsync("/api/v1/me", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal("no-store", me.Headers.CacheControl?.ToString());
        Assert.Equal("no-store", refused.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task The_API_reference_page_and_its_start_up_script_name_no_other_origin()
    {
        await using var app = await TestApp.StartAsync(Db.Sqlite);
        var client = app.CreateClient();

        var page = await client.GetAsync("/api/docs/", TestContext.Current.CancellationToken);
        var html = await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var start = await client.GetStringAsync(
            "/api/docs/scalar.aspnetcore.js", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Empty(Origins().Matches(html + start).Select(m => m.Value));
        Assert.Contains("\"agent\":{\"disabled\":true}", html, StringComparison.Ordinal);
        Assert.Contains("\"withDefaultFonts\":false", html, StringComparison.Ordinal);
        var csp = page.Headers.GetValues("Content-Security-Policy").Single();
        var nonce = Nonce().Match(csp).Groups["nonce"].Value;
        Assert.NotEmpty(nonce);
        Assert.DoesNotContain("script-src 'self' 'unsafe-inline'", csp, StringComparison.Ordinal);
        Assert.All(ScriptTags().Matches(html),
            tag => Assert.Contains($"nonce=\"{nonce}\"", tag.Value, StringComparison.Ordinal));
    }

    [GeneratedRegex("""href="(?<url>/css/site\.css\?v=[^"]+)""")]
    private static partial Regex StyleSheet();

    [GeneratedRegex("""(?:https?:)?//[a-z0-9][a-z0-9.-]*\.[a-z]{2,}""", RegexOptions.IgnoreCase)]
    private static partial Regex Origins();

    [GeneratedRegex("""script-src 'self' 'nonce-(?<nonce>[^']+)'""")]
    private static partial Regex Nonce();

    [GeneratedRegex("""<script[^>]*>""")]
    private static partial Regex ScriptTags();
}
