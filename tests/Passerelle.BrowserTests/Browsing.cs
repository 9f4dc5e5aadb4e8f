using Microsoft.Playwright;
using Passerelle.IntegrationTests.Support;
using Passerelle.Tests.Shared;

namespace Passerelle.BrowserTests;

/// <summary>What the journeys share: signing in as a person, with a second factor where their role needs one.</summary>
public static class Browsing
{
    public static async Task SignInAsync(IPage page, string login, Accessibility? a11y = null)
    {
        await page.GotoAsync("/Account/Login");
        if (a11y is not null)
        {
            await a11y.CheckAsync();
        }

        await page.GetByLabel("Login").FillAsync(login);
        await page.GetByLabel("Password").FillAsync(TestApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await LeftSignInAsync(page, login);
        if (a11y is not null)
        {
            await a11y.CheckAsync();
        }
    }

    /// <summary>
    /// Waits for the sign-in page to give way. If it does not, the failure says what the page showed instead (an
    /// error, a refusal, a 503 under load), since "timeout" alone would not tell a slow machine from a refused login.
    /// </summary>
    public static async Task LeftSignInAsync(IPage page, string login)
    {
        var answers = new List<string>();
        void Seen(object? sender, IResponse response)
        {
            if (response.Request.Method == "POST")
            {
                answers.Add($"{response.Status} {response.Url}");
            }
        }

        page.Response += Seen;
        try
        {
            // The page's DOM is what the caller reads next. The load event also waits for every subresource,
            // and on a busy machine that came too late while the signed-in page was already showing.
            await page.WaitForURLAsync(
                url => !url.Contains("/Account/Login", StringComparison.Ordinal),
                new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        }
        catch (TimeoutException)
        {
            var shown = await page.Locator("main").InnerTextAsync(new() { Timeout = 5_000 }).ConfigureAwait(false);
            Assert.Fail($"Signing in as {login} stayed on {page.Url}; answers to its posts: "
                + $"{string.Join(", ", answers)}; the page shows: {shown[..Math.Min(shown.Length, 600)]}");
        }
        finally
        {
            page.Response -= Seen;
        }
    }

    /// <summary>
    /// Accepts each confirmation a page asks before a destructive or final action (<c>data-confirm</c>), keeping the
    /// questions asked in <paramref name="asked"/>. Without it, Playwright dismisses them and nothing is submitted.
    /// </summary>
    public static void AcceptConfirmations(IPage page, List<string>? asked = null) =>
        page.Dialog += async (_, dialog) =>
        {
            asked?.Add(dialog.Message);
            await dialog.AcceptAsync();
        };

    /// <summary>A coordinator's or auditor's first sign-in: enrols the authenticator the page offers.</summary>
    public static async Task SignInEnrollingTotpAsync(IPage page, string login, Accessibility? a11y = null)
    {
        await SignInAsync(page, login, a11y);
        await Assertions.Expect(page.Locator("#totp-key")).ToBeVisibleAsync();
        var key = (await page.Locator("#totp-key").InnerTextAsync()).Trim();
        await page.GetByLabel("Authentication code").FillAsync(Totp.Code(key, DateTimeOffset.UtcNow));
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify" }).ClickAsync();
        await Assertions.Expect(page.Locator("#recovery-codes li")).ToHaveCountAsync(10);
        if (a11y is not null)
        {
            await a11y.CheckAsync();
        }
    }
}
