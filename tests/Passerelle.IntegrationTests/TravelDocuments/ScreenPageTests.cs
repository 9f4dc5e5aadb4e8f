using Microsoft.EntityFrameworkCore;
using Passerelle.IntegrationTests.Support;

namespace Passerelle.IntegrationTests.TravelDocuments;

/// <summary>The screening page: post, redirect, get; the answer and the context kept out of URLs and logs.</summary>
public sealed class ScreenPageTests
{
    // ICAO Doc 9303 Part 4, Appendix A: the TD3 specimen passport, document L898902C3.
    private const string Eriksson =
        "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10";

    private static async Task<Browserless> SignedInOfficerAsync(TestApp app)
    {
        var world = await RegisterWorld.BuildAsync(app);
        await world.RegisterAsync("L898902C3");
        return await SignInAsync(app);
    }

    private static async Task<Browserless> SignInAsync(TestApp app)
    {
        var browser = new Browserless(app);
        await browser.PostFormAsync("/Account/Login", "/Account/Login",
            ("login", "douane.officer"), ("password", TestApp.Password));
        return browser;
    }

    private static Task<(HttpResponseMessage Response, string Html)> ScreenAsync(Browserless browser, string query) =>
        browser.PostFormAsync("/Screen", "/Screen",
            ("query", query), ("purpose", "secondary-inspection"), ("location", "CDG T2"));

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_reload_shows_the_answer_again_without_screening_or_auditing_a_second_time(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var browser = await SignedInOfficerAsync(app);

        var (posted, html) = await ScreenAsync(browser, Eriksson);
        var answer = posted.RequestMessage!.RequestUri!;
        var (reloaded, again) = await browser.GetAsync(answer.PathAndQuery);

        Assert.Matches("^/Screen\\?r=[0-9a-f]{16}$", answer.PathAndQuery);
        Assert.Contains("banner banner-hit", html, StringComparison.Ordinal);
        Assert.Contains("banner banner-hit", again, StringComparison.Ordinal);
        Assert.Contains("ERIKSSON ANNA MARIA", again, StringComparison.Ordinal);
        Assert.True(reloaded.Headers.CacheControl?.NoStore);
        await using var context = app.NewContext();
        Assert.Equal(1, await context.AuditEntries.CountAsync(e => e.Operation == "document.screened"));
        Assert.Equal(1, (await context.HitCases.SingleAsync()).ScreenCount);
        Assert.DoesNotContain(app.Logs.Lines, line => line.Contains("ERIKSSON<<ANNA", StringComparison.Ordinal)
            || line.Contains("7408122F", StringComparison.Ordinal));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Purpose_and_location_are_remembered_for_the_session_and_a_fresh_page_shows_no_old_answer(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var browser = await SignedInOfficerAsync(app);
        await ScreenAsync(browser, "ZZ9999999");

        var (_, fresh) = await browser.GetAsync("/Screen");

        Assert.DoesNotContain("id=\"result\"", fresh, StringComparison.Ordinal);
        Assert.Contains("<option value=\"secondary-inspection\" selected=\"selected\">", fresh,
            StringComparison.Ordinal);
        Assert.Contains("id=\"location\" name=\"location\" value=\"CDG T2\"", fresh, StringComparison.Ordinal);
        var other = await SignInAsync(app);
        var (_, elsewhere) = await other.GetAsync("/Screen");
        Assert.Contains("<option value=\"border-check\" selected=\"selected\">", elsewhere, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task An_answer_is_no_longer_shown_ten_minutes_later(Db db)
    {
        var time = new AdjustableTime();
        await using var app =
            await TestApp.StartAsync(db, replace: services => services.AddSingleton<TimeProvider>(time));
        var browser = await SignedInOfficerAsync(app);
        var (posted, _) = await ScreenAsync(browser, Eriksson);

        time.Advance(TimeSpan.FromMinutes(11));
        var (_, late) = await browser.GetAsync(posted.RequestMessage!.RequestUri!.PathAndQuery);

        Assert.DoesNotContain("id=\"result\"", late, StringComparison.Ordinal);
        Assert.DoesNotContain("ERIKSSON", late, StringComparison.Ordinal);
        Assert.Contains("That answer is no longer shown.", late, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_failed_check_is_an_amber_banner_with_its_reasons_and_never_the_green_one(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var browser = await SignedInOfficerAsync(app);

        // Nobody reported X898902C3, whose birth date no longer matches its check digit.
        var forged = Eriksson.Replace("L898902C36UTO7408122", "X898902C36UTO7408132", StringComparison.Ordinal);
        var (_, html) = await ScreenAsync(browser, forged);

        Assert.Contains("banner banner-check", html, StringComparison.Ordinal);
        Assert.DoesNotContain("banner-clear", html, StringComparison.Ordinal);
        Assert.Contains("CHECK THE DOCUMENT", html, StringComparison.Ordinal);
        Assert.Contains("data-code=\"mrz.check-digit.birth-date\"", html, StringComparison.Ordinal);
    }
}
