using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Playwright;

namespace Passerelle.BrowserTests;

/// <summary>
/// axe-core run in the pages a test visits. A test watches its page, checks each state it reaches, and ends by
/// asserting that every page the browser loaded was checked, so a new step cannot slip past the check. Any serious or
/// critical violation fails the test, with every violation in the message.
/// </summary>
/// <remarks>
/// axe-core comes from npm (<c>axe/package.json</c>, installed by <c>npm ci</c> in that folder, which .ci/run does).
/// The Content-Security-Policy refuses script tags that are not the site's own, so its source is evaluated through
/// the browser's protocol instead.
/// </remarks>
public sealed class Accessibility
{
    private static readonly Lazy<string?> Source = new(() =>
    {
        var path = System.IO.Path.Combine(AppContext.BaseDirectory, "axe", "axe.min.js");
        return File.Exists(path) ? File.ReadAllText(path) : null;
    });

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private const string Run = """
        async () => {
          const result = await axe.run(document, { resultTypes: ['violations'] });
          return JSON.stringify(result.violations.map(v => ({
            id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.map(n => n.target.join(' ') + ' — ' + (n.failureSummary || '').replace(/\s+/g, ' ')),
          })));
        }
        """;

    private readonly IPage page;
    private readonly ConcurrentDictionary<string, bool> loaded = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> looked = new(StringComparer.Ordinal);

    private Accessibility(IPage page)
    {
        this.page = page;
        page.Load += (_, p) => loaded.TryAdd(PathOf(p.Url), true);
    }

    /// <summary>Starts remembering every page <paramref name="page"/> loads.</summary>
    public static Accessibility Watch(IPage page)
    {
        if (Source.Value is null)
        {
            const string why =
                "axe-core is not installed: run `npm ci` in tests/Passerelle.BrowserTests/axe, then build.";
            if (Environment.GetEnvironmentVariable("PASSERELLE_REQUIRE_BROWSER") == "1")
            {
                throw new InvalidOperationException(why + " PASSERELLE_REQUIRE_BROWSER=1 makes this a failure.");
            }

            Assert.Skip(why);
        }

        return new Accessibility(page);
    }

    /// <summary>Runs axe-core on the page as it is now; fails on any serious or critical violation.</summary>
    public async Task CheckAsync()
    {
        await page.WaitForLoadStateAsync(LoadState.Load);
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.EvaluateAsync(Source.Value!);
        }

        var json = await page.EvaluateAsync<string>(Run);
        var violations = JsonSerializer.Deserialize<List<Violation>>(json, Json)!;
        var path = PathOf(page.Url);
        looked.TryAdd(path, true);
        loaded.TryAdd(path, true);
        var grave = violations.Where(v => v.Impact is "serious" or "critical").ToList();
        var size = $"{page.ViewportSize?.Width}×{page.ViewportSize?.Height}";
        var described = violations.Select(v => $"[{v.Impact}] {v.Id}: {v.Help}\n    " + string.Join("\n    ", v.Nodes));
        Assert.True(grave.Count == 0, $"axe-core on {page.Url} ({size}):\n" + string.Join("\n", described));
    }

    /// <summary>Fails naming each page the browser loaded that no <see cref="CheckAsync"/> looked at.</summary>
    public void AssertEveryPageChecked()
    {
        var missed = loaded.Keys.Where(p => !looked.ContainsKey(p)).Order(StringComparer.Ordinal).ToList();
        Assert.True(missed.Count == 0, "Pages loaded but never checked by axe-core: " + string.Join(", ", missed));
    }

    private static string PathOf(string url) => new Uri(url).AbsolutePath;

    private sealed record Violation(string Id, string? Impact, string Help, List<string> Nodes);
}
