using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Passerelle.IntegrationTests.Support;
using Passerelle.Tests.Shared;

namespace Passerelle.IntegrationTests.Foundation;

/// <summary>Each person's home page counts what waits for them; the navigation shows each the pages its rules open.</summary>
public sealed partial class HomePageTests
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_home_page_counts_what_waits_for_each_person_and_the_navigation_badges_it(Db db)
    {
        var time = new AdjustableTime();
        await using var app = await TestApp.StartAsync(db, replace: services => services.AddSingleton<TimeProvider>(time));
        await app.AddAgencyAsync("FR-POLICE", "police");
        await app.AddAgencyAsync("FR-DOUANE");
        await app.AddAgencyAsync("FR-OTHER");
        await app.AddAgencyAsync("RH-LUMIERE", "rights-holder");
        await app.RunAsync<Core.Trust.Agencies.VerifyRightsHolder, Core.Trust.Agencies.AgencySummary>(
            h => h.HandleAsync(Core.Trust.Access.Actor.Console(), "RH-LUMIERE", "Checked.", default));
        await app.AddUserAsync("FR-POLICE", "police.coord", "coordinator");
        await app.AddUserAsync("FR-DOUANE", "douane.officer", "officer");
        await app.AddUserAsync("FR-OTHER", "other.officer", "officer");
        await app.AddUserAsync("RH-LUMIERE", "lumiere.brand", "rights-holder");
        var police = app.ClientWithToken(await app.TokenAsync("police.coord"));
        var officer = app.ClientWithToken(await app.TokenAsync("douane.officer"));
        var brand = app.ClientWithToken(await app.TokenAsync("lumiere.brand"));
        foreach (var number in new[] { "X1000001", "X1000002", "X1000003" })
        {
            (await police.PostAsJsonAsync("/api/v1/documents", new { documentNumber = number, issuingState = "FRA", documentType = "passport", status = "stolen" })).EnsureSuccessStatusCode();
            (await officer.PostAsJsonAsync("/api/v1/documents/screen", new { documentNumber = number, issuingState = "FRA", purpose = "border-check" })).EnsureSuccessStatusCode();
        }

        var cases = await police.GetFromJsonAsync<JsonElement>("/api/v1/hits");
        (await police.PostAsJsonAsync($"/api/v1/hits/{cases[0].GetProperty("id").GetGuid()}/confirm", new { note = "Seen." })).EnsureSuccessStatusCode();
        var product = await brand.PostAsJsonAsync("/api/v1/products", new { brand = "Lumière", name = "Parfum", gtins = new[] { "6291041500213" } });
        var productId = (await product.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await brand.PostAsync($"/api/v1/products/{productId}/publish", null)).EnsureSuccessStatusCode();
        (await officer.PostAsJsonAsync("/api/v1/authentications", new { productId, quantity = 12, place = "Le Havre" })).EnsureSuccessStatusCode();
        // The coordinator's second factor follows the real clock: they look before the request is overdue.
        var (_, coordinatorHome) = await (await SignInAsync(app, "police.coord")).GetAsync("/");
        time.Advance(TimeSpan.FromDays(20));
        var (_, officerHome) = await (await SignInAsync(app, "douane.officer")).GetAsync("/");
        var (_, otherHome) = await (await SignInAsync(app, "other.officer")).GetAsync("/");
        var holder = await SignInAsync(app, "lumiere.brand");
        var (_, holderHome) = await holder.GetAsync("/");

        Assert.Equal(2, Tiles(coordinatorHome)["Hits to decide"]);
        Assert.Equal("2 to decide", Badge(coordinatorHome, "/Hits"));
        Assert.Equal(2, Tiles(officerHome)["Your hits awaiting the owner's decision"]);
        Assert.Equal(1, Tiles(officerHome)["Your requests awaiting the rights holder's verdict"]);
        Assert.Equal(1, Tiles(officerHome)["Overdue requests"]);
        Assert.Equal("1 overdue", Badge(officerHome, "/Authentications"));
        Assert.False(Tiles(officerHome).ContainsKey("Hits to decide"));
        // Another agency's officer counts nothing of French customs' work.
        Assert.Equal(0, Tiles(otherHome)["Your hits awaiting the owner's decision"]);
        Assert.Equal(0, Tiles(otherHome)["Overdue requests"]);
        Assert.Null(Badge(otherHome, "/Authentications"));
        Assert.Equal(1, Tiles(holderHome)["Authentication requests awaiting your verdict"]);
        Assert.Equal(1, Tiles(holderHome)["Unread notifications"]);
        Assert.Equal("1 unread notifications", Badge(holderHome, "/"));

        // Marking the notifications read says so once, and the count and badge go.
        var ids = NotificationIds().Matches(holderHome).Select(m => ("ids", m.Groups[1].Value)).ToArray();
        Assert.Single(ids);
        var (read, afterRead) = await holder.PostFormAsync("/", "/?handler=Read", ids);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Contains("1 notifications marked as read.", StatusText(afterRead), StringComparison.Ordinal);
        Assert.Equal(0, Tiles(afterRead)["Unread notifications"]);
        Assert.Null(Badge(afterRead, "/"));
        var (_, again) = await holder.GetAsync("/");
        Assert.Equal("", StatusText(again));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_navigation_offers_each_role_exactly_the_pages_it_may_open_and_marks_the_current_one(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        await app.AddAgencyAsync("FR-A");
        await app.AddAgencyAsync("RH-A", "rights-holder");
        var expected = new Dictionary<string, string[]>
        {
            ["admin"] = ["/", "/Agencies", "/Users", "/Tokens"],
            ["coordinator"] = ["/", "/Screen", "/Hits", "/Products/Lookup", "/Authentications", "/Statistics/Seizures", "/Documents", "/Agencies", "/Users", "/Tokens"],
            ["officer"] = ["/", "/Screen", "/Hits", "/Products/Lookup", "/Authentications", "/Statistics/Seizures", "/Tokens"],
            ["investigator"] = ["/", "/Screen", "/Hits", "/Products/Lookup", "/Authentications", "/Statistics/Seizures", "/Documents", "/Tokens"],
            ["auditor"] = ["/", "/Statistics/Seizures", "/Agencies", "/Tokens", "/Audit"],
            ["rights-holder"] = ["/", "/Authentications", "/Brand/Products", "/Brand/Alerts", "/Statistics/Seizures", "/Tokens"],
        };

        foreach (var (role, pages) in expected)
        {
            await app.AddUserAsync(role == "rights-holder" ? "RH-A" : "FR-A", $"nav.{role}", role);
            var browser = await SignInAsync(app, $"nav.{role}");
            var (_, home) = await browser.GetAsync("/");
            Assert.Equal(pages, NavLinks().Matches(Nav(home)).Select(m => m.Groups[1].Value));
            Assert.Equal(["/"], CurrentLinks().Matches(Nav(home)).Select(m => m.Groups[1].Value));
            foreach (var page in pages.Skip(1))
            {
                var (response, html) = await browser.GetAsync(page);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{role} opens {page}: {(int)response.StatusCode}");
                Assert.Equal([page], CurrentLinks().Matches(Nav(html)).Select(m => m.Groups[1].Value));
            }
        }
    }

    /// <summary>Signs in through the forms, enrolling a second factor where the role needs one.</summary>
    internal static async Task<Browserless> SignInAsync(TestApp app, string login)
    {
        var browser = new Browserless(app);
        var (_, landed) = await browser.PostFormAsync("/Account/Login", "/Account/Login", ("login", login), ("password", TestApp.Password));
        if (landed.Contains("id=\"totp-key\"", StringComparison.Ordinal))
        {
            await browser.PostFormAsync("/Account/EnrolTotp", "/Account/EnrolTotp", ("code", Totp.Code(Browserless.Inner(landed, "totp-key"), DateTimeOffset.UtcNow)));
        }

        return browser;
    }

    private static Dictionary<string, int> Tiles(string html) =>
        Tile().Matches(html).ToDictionary(m => WebUtility.HtmlDecode(m.Groups[2].Value), m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The badge beside a navigation entry as a screen reader says it ("2 to decide"), or null.</summary>
    private static string? Badge(string html, string href)
    {
        var entry = Regex.Match(Nav(html), $"<a href=\"{Regex.Escape(href)}\"[^>]*>(.*?)</a>", RegexOptions.Singleline);
        var badge = Regex.Match(entry.Groups[1].Value, "<span class=\"badge\">(\\d+)<span class=\"visually-hidden\"> ([^<]+)</span>");
        return badge.Success ? $"{badge.Groups[1].Value} {badge.Groups[2].Value}" : null;
    }

    private static string Nav(string html) => Regex.Match(html, "<nav aria-label=\"Main navigation\">(.*?)</nav>", RegexOptions.Singleline).Groups[1].Value;

    private static string StatusText(string html) =>
        WebUtility.HtmlDecode(Regex.Match(html, "<p id=\"status\" class=\"status\" role=\"status\">([^<]*)</p>").Groups[1].Value).Trim();

    [GeneratedRegex("<span class=\"tile-count\">(\\d+)</span> <span class=\"tile-label\">([^<]+)</span>")]
    private static partial Regex Tile();

    [GeneratedRegex("<a href=\"([^\"]+)\"")]
    private static partial Regex NavLinks();

    [GeneratedRegex("<a href=\"([^\"]+)\" aria-current=\"page\"")]
    private static partial Regex CurrentLinks();

    [GeneratedRegex("name=\"ids\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex NotificationIds();
}
