using System.Net;
using Microsoft.EntityFrameworkCore;
using Passerelle.IntegrationTests.Support;
using Passerelle.Tests.Shared;

namespace Passerelle.IntegrationTests.Foundation;

/// <summary>Sign-in through the UI's own forms: password, TOTP enrolment and second factor, lockout, and no secret in any log.</summary>
public sealed class SignInTests
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task No_password_token_or_totp_secret_reaches_the_logs_in_a_full_sign_in_and_token_flow(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        await app.AddAgencyAsync("FR-A");
        await app.AddUserAsync("FR-A", "coord.a", "coordinator");
        await app.AddUserAsync("FR-A", "officer.a", "officer");
        var browser = new Browserless(app);
        const string wrongPassword = "Not-The-Password-77!";
        var secrets = new List<string> { TestApp.Password, wrongPassword };

        await browser.PostFormAsync("/Account/Login", "/Account/Login", ("login", "coord.a"), ("password", wrongPassword));
        var (signedIn, enrolment) = await browser.PostFormAsync("/Account/Login", "/Account/Login", ("login", "coord.a"), ("password", TestApp.Password));
        Assert.EndsWith("/Account/EnrolTotp", signedIn.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);
        var key = Browserless.Inner(enrolment, "totp-key");
        secrets.Add(key.Replace(" ", "", StringComparison.Ordinal));
        var (_, enrolled) = await browser.PostFormAsync("/Account/EnrolTotp", "/Account/EnrolTotp", ("code", Totp.Code(key, DateTimeOffset.UtcNow)));
        Assert.Contains("recovery-codes", enrolled, StringComparison.Ordinal);
        await browser.PostFormAsync("/", "/Account/Logout");

        var (second, _) = await browser.PostFormAsync("/Account/Login", "/Account/Login", ("login", "coord.a"), ("password", TestApp.Password));
        Assert.EndsWith("/Account/LoginTotp", second.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);
        var (home, _) = await browser.PostFormAsync(second.RequestMessage.RequestUri.PathAndQuery, "/Account/LoginTotp", ("code", Totp.Code(key, DateTimeOffset.UtcNow)));
        Assert.Equal("/", home.RequestMessage!.RequestUri!.AbsolutePath);

        var (_, tokenPage) = await browser.PostFormAsync("/Tokens", "/Tokens?handler=Create", ("user", "officer.a"), ("scopes", "documents:screen"), ("expiresInDays", "7"));
        var token = Browserless.Inner(tokenPage, "new-token");
        secrets.Add(token);
        var api = app.ClientWithToken(token);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.ClientWithToken(token + "x").GetAsync("/api/v1/me")).StatusCode);

        Assert.NotEmpty(app.Logs.Lines);
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(app.Logs.Lines, line => line.Contains(secret, StringComparison.Ordinal));
        }

        await using var context = app.NewContext();
        var operations = await context.AuditEntries.Select(e => e.Operation).ToListAsync();
        Assert.Contains("login.failed", operations);
        Assert.Contains("totp.enrolled", operations);
        Assert.Contains("login.succeeded", operations);
        Assert.Contains("logout", operations);
        Assert.Contains("token.created", operations);
        Assert.Contains("token.used", operations);
        var details = await context.AuditEntries.Select(e => e.Target + " " + e.Details).ToListAsync();
        Assert.DoesNotContain(details, d => secrets.Any(s => d.Contains(s, StringComparison.Ordinal)));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Five_wrong_passwords_lock_the_account_and_the_lockout_is_audited(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        await app.AddAgencyAsync("FR-A");
        await app.AddUserAsync("FR-A", "officer.a", "officer");
        var browser = new Browserless(app);

        string html = "";
        for (var i = 0; i < 5; i++)
        {
            (_, html) = await browser.PostFormAsync("/Account/Login", "/Account/Login", ("login", "officer.a"), ("password", $"Wrong-Password-{i}!"));
        }

        Assert.Contains("locked", html, StringComparison.Ordinal);
        var (afterwards, page) = await browser.PostFormAsync("/Account/Login", "/Account/Login", ("login", "officer.a"), ("password", TestApp.Password));
        Assert.Equal("/Account/Login", afterwards.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("locked", page, StringComparison.Ordinal);
        await using var context = app.NewContext();
        var entries = await context.AuditEntries.Where(e => e.Login == "officer.a").OrderBy(e => e.Sequence).Select(e => e.Operation).ToListAsync();
        Assert.Equal(["login.failed", "login.failed", "login.failed", "login.failed", "login.locked-out", "login.locked-out"], entries.Where(o => o.StartsWith("login.", StringComparison.Ordinal)));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Every_page_sends_the_security_headers_and_a_csp_without_unsafe_inline(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var response = await app.CreateClient().GetAsync("/Account/Login");

        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_form_posted_without_its_antiforgery_token_is_refused(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        await app.AddAgencyAsync("FR-A");
        await app.AddUserAsync("FR-A", "officer.a", "officer");

        var response = await app.CreateClient().PostAsync("/Account/Login", new FormUrlEncodedContent([new("login", "officer.a"), new("password", TestApp.Password)]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await using var context = app.NewContext();
        Assert.False(await context.AuditEntries.AnyAsync(e => e.Operation == "login.succeeded"));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_ui_follows_accept_language_and_a_chosen_language_wins(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var french = new HttpRequestMessage(HttpMethod.Get, "/Account/Login");
        french.Headers.AcceptLanguage.ParseAdd("fr-FR,fr;q=0.9");
        var page = await (await app.CreateClient().SendAsync(french)).Content.ReadAsStringAsync();
        Assert.Contains("Se connecter", page, StringComparison.Ordinal);
        Assert.Contains("lang=\"fr\"", page, StringComparison.Ordinal);

        var browser = new Browserless(app);
        browser.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr");
        var (_, english) = await browser.PostFormAsync("/Account/Login", "/Culture", ("culture", "en"), ("returnUrl", "/Account/Login"));
        Assert.Contains(">Sign in<", english, StringComparison.Ordinal);
    }
}
