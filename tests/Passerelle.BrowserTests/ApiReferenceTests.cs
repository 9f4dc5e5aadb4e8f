using Microsoft.Playwright;
using Passerelle.IntegrationTests.Support;

namespace Passerelle.BrowserTests;

/// <summary>The API reference, opened in a browser, asks nothing of any other origin and breaks no CSP rule.</summary>
public sealed class ApiReferenceTests
{
    [Fact]
    public async Task The_API_reference_renders_the_API_from_our_own_origin_alone()
    {
        await using var app = await TestApp.StartAsync(Db.Sqlite, kestrel: true);
        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await Chromium.NewPageAsync(browser, new BrowserNewPageOptions { BaseURL = app.BaseAddress!.ToString() });
        var a11y = Accessibility.Watch(page);
        var origin = app.BaseAddress!.GetLeftPart(UriPartial.Authority);
        var elsewhere = new List<string>();
        var complaints = new List<string>();
        // Requests to other origins are recorded and refused, so the test needs no network and fails when one is made.
        await page.RouteAsync("**/*", async route =>
        {
            var url = route.Request.Url;
            if (url.StartsWith(origin, StringComparison.Ordinal) || url.StartsWith("data:", StringComparison.Ordinal))
            {
                await route.ContinueAsync();
            }
            else
            {
                elsewhere.Add(url);
                await route.AbortAsync();
            }
        });
        page.Console += (_, message) =>
        {
            if (message.Type == "error" || message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                complaints.Add(message.Text);
            }
        };

        await page.GotoAsync("/api/docs/");
        // The reference draws the API from /openapi/v1.json: a route appears once the script has run.
        await Assertions.Expect(page.GetByText("/api/v1/me").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        await a11y.CheckAsync();
        a11y.AssertEveryPageChecked();
        Assert.Empty(elsewhere);
        Assert.Empty(complaints);
        await Assertions.Expect(page.GetByText("Ask AI")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByText("Generate SDK")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByText("Deploy", new() { Exact = true })).ToHaveCountAsync(0);
    }
}
