using Microsoft.Playwright;

namespace Passerelle.BrowserTests;

/// <summary>
/// Debian's Chromium driven by Playwright. No browser is ever downloaded: where /usr/bin/chromium is missing the
/// browser tests skip and say why, unless PASSERELLE_REQUIRE_BROWSER=1 makes that a failure.
/// </summary>
public static class Chromium
{
    public const string Path = "/usr/bin/chromium";

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (!File.Exists(Path))
        {
            const string why = "Chromium is not installed at /usr/bin/chromium.";
            if (Environment.GetEnvironmentVariable("PASSERELLE_REQUIRE_BROWSER") == "1")
            {
                throw new InvalidOperationException(why + " PASSERELLE_REQUIRE_BROWSER=1 makes this a failure.");
            }

            Assert.Skip(why + " Install Debian's chromium, or set PASSERELLE_REQUIRE_BROWSER=1 to fail instead of skipping.");
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Path,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
        return (playwright, browser);
    }

    /// <summary>
    /// A page whose waits give a busy machine time: a page that answers in a fraction of a second here may take tens
    /// of seconds on a shared machine running a build beside the suite. These bound a wait; they time nothing.
    /// </summary>
    public static async Task<IPage> NewPageAsync(IBrowser browser, BrowserNewPageOptions options)
    {
        Assertions.SetDefaultExpectTimeout(30_000);
        var page = await browser.NewPageAsync(options);
        page.SetDefaultTimeout(120_000);
        page.SetDefaultNavigationTimeout(120_000);
        return page;
    }
}
