using Microsoft.Playwright;

namespace Passerelle.BrowserTests;

/// <summary>A final action asks first, and every action says what it did.</summary>
public sealed class FeedbackTests
{
    [Fact]
    public async Task Confirming_a_hit_asks_first_does_nothing_when_declined_and_says_what_it_did_when_accepted()
    {
        await using var app = await ReadingTests.WorldAsync();
        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await ReadingTests.NewPageAsync(browser, app);
        var a11y = Accessibility.Watch(page);
        await Browsing.SignInEnrollingTotpAsync(page, "police.coordinator", a11y);
        await page.GotoAsync("/Hits");
        var firstOpen = page.Locator("#hit-cases tbody tr").Filter(new() { HasText = "open" }).First;
        var number = (await firstOpen.Locator("a").InnerTextAsync()).Split(' ')[0];
        var open = page.Locator("#hit-cases tbody tr").Filter(new() { HasText = number });
        await Assertions.Expect(open).ToContainTextAsync("open");
        await Assertions.Expect(page.Locator("header nav")).ToContainTextAsync("Hits 3 to decide");
        await a11y.CheckAsync();

        var asked = new List<string>();
        async void Decline(object? sender, IDialog dialog)
        {
            asked.Add(dialog.Message);
            await dialog.DismissAsync();
        }

        page.Dialog += Decline;
        await open.GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();
        Assert.Equal([$"Confirm the hit on {number}? The querying agency is told at once."], asked);
        await Assertions.Expect(open).ToContainTextAsync("open");
        await Assertions.Expect(page.Locator("#status")).ToBeEmptyAsync();

        page.Dialog -= Decline;
        Browsing.AcceptConfirmations(page, asked);
        await open.GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToHaveTextAsync($"Case {number} (UTO): confirmed. The officer is told to seize the document.");
        await Assertions.Expect(open).ToContainTextAsync("confirmed");
        await Assertions.Expect(page.Locator("header nav")).ToContainTextAsync("Hits 2 to decide");
        await a11y.CheckAsync();
        a11y.AssertEveryPageChecked();
    }
}
