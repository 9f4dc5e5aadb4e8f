using Microsoft.Playwright;

namespace Passerelle.BrowserTests;

/// <summary>
/// The product lookup at a counter with a wedge barcode scanner, which types the code and Enter, and on a phone;
/// and the screening box on a phone's first screen.
/// </summary>
public sealed class ScannerTests
{
    [Fact]
    public async Task A_wedge_scanner_scans_two_barcodes_in_a_row_and_the_second_lookup_finds_its_product()
    {
        await using var app = await ReadingTests.WorldAsync();
        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await ReadingTests.NewPageAsync(browser, app);
        var a11y = Accessibility.Watch(page);
        await Browsing.SignInAsync(page, "douane.officer", a11y);
        await page.GotoAsync("/Products/Lookup");
        var field = page.GetByLabel("Barcode, GS1 Digital Link or words");
        await Assertions.Expect(field).ToBeFocusedAsync();

        await page.Keyboard.TypeAsync("6291041500213");
        await page.Keyboard.PressAsync("Enter");
        var found = page.Locator("article.product h2");
        await Assertions.Expect(found).ToHaveTextAsync(["Lumière · Eau de parfum 50 ml"]);
        await Assertions.Expect(field).ToBeFocusedAsync();
        Assert.True(
            await field.EvaluateAsync<bool>("f => f.selectionStart === 0 && f.selectionEnd === f.value.length"));
        await a11y.CheckAsync();

        // The second scan replaces the first instead of being glued to it.
        await page.Keyboard.TypeAsync("4006381333931");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(found).ToHaveTextAsync(["Lumière · Surligneur fluorescent jaune"]);
        await Assertions.Expect(field).ToHaveValueAsync("4006381333931");

        // Two codes glued together, as a field that kept the first would send, are named for what they are.
        await field.FillAsync("40063813339316291041500213");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#q-error")).ToContainTextAsync("Too many digits for one barcode");
        await Assertions.Expect(page.GetByText("No genuine product matches.")).ToHaveCountAsync(0);
        Assert.True(await field.EvaluateAsync<bool>(
            "f => document.activeElement === f && f.selectionEnd - f.selectionStart === 26"));
        await a11y.CheckAsync();
        a11y.AssertEveryPageChecked();
    }

    [Fact]
    public async Task On_a_phone_the_screening_box_is_on_the_first_screen_and_a_product_result_scrolls_into_view()
    {
        await using var app = await ReadingTests.WorldAsync();
        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await ReadingTests.NewPageAsync(browser, app, 390, 844);
        var a11y = Accessibility.Watch(page);
        await Browsing.SignInAsync(page, "douane.officer", a11y);

        await page.GotoAsync("/Screen");
        var header = (await page.Locator("header.top").BoundingBoxAsync())!;
        var box = (await page.Locator("#query").BoundingBoxAsync())!;
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"At 390×844 the header is {header.Height:0} px tall; "
            + $"the screening box spans {box.Y:0}–{box.Y + box.Height:0} px.");
        // The whole box in the top half, which a phone's on-screen keyboard leaves uncovered.
        Assert.True(box.Y + box.Height <= 844 / 2, $"The screening box ends at {box.Y + box.Height:0} px.");
        Assert.True(header.Height <= 100, $"The header is {header.Height:0} px tall.");
        await a11y.CheckAsync();

        await page.GotoAsync("/Products/Lookup?q=6291041500213");
        var product = page.Locator("article.product");
        await Assertions.Expect(product).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("() => window.scrollY > 0");
        var top = await product.EvaluateAsync<double>("e => e.getBoundingClientRect().top");
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"At 390×844 the product result starts {top:0} px from the top of the screen.");
        Assert.InRange(top, 0, 844 / 2);
        await a11y.CheckAsync();
        a11y.AssertEveryPageChecked();
    }
}
