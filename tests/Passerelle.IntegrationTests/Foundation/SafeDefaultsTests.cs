using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Passerelle.IntegrationTests.Support;

namespace Passerelle.IntegrationTests.Foundation;

/// <summary>What a server outside a developer's machine insists on: encrypted keys, no demo, HTTPS.</summary>
public sealed class SafeDefaultsTests
{
    [Fact]
    public async Task Serve_outside_Development_without_a_certificate_refuses_to_start_and_names_the_setting()
    {
        var settings = await TestApp.DatabaseSettingsAsync(Db.Sqlite);
        settings["DOTNET_ENVIRONMENT"] = "Production";

        var serve = await PasserelleCli.RunAsync(settings, null, "serve", "--urls", "http://127.0.0.1:0");

        Assert.Equal(1, serve.ExitCode);
        Assert.Contains("DataProtection:CertificatePath", serve.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_demo_in_Production_refuses_to_start_and_writes_nothing()
    {
        var settings = await TestApp.DatabaseSettingsAsync(Db.Sqlite);
        settings["DOTNET_ENVIRONMENT"] = "Production";

        var serve = await PasserelleCli.RunAsync(settings, null, "serve", "--demo", "--urls", "http://127.0.0.1:0");

        Assert.Equal(1, serve.ExitCode);
        Assert.Contains("never in the Production environment", serve.Error, StringComparison.Ordinal);
        var file = settings["ConnectionStrings:Passerelle"]!["Data Source=".Length..];
        Assert.False(File.Exists(file));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task With_a_certificate_the_keys_kept_in_the_database_are_encrypted_and_shared_by_every_node(Db db)
    {
        var (path, password) = SelfSignedPfx();
        await using var app = await TestApp.StartAsync(db, new Dictionary<string, string?>
        {
            ["environment"] = "Production",
            ["DataProtection:CertificatePath"] = path,
            ["DataProtection:CertificatePassword"] = password,
        });
        Assert.Equal("Production", app.Services.GetRequiredService<IHostEnvironment>().EnvironmentName);

        var secret = Protector(app).Protect("a cookie");

        await using (var context = app.NewContext())
        {
            var keys = await context.DataProtectionKeys.Select(k => k.Xml!).ToListAsync();
            Assert.NotEmpty(keys);
            Assert.All(keys, xml =>
            {
                Assert.Contains("encryptedSecret", xml, StringComparison.Ordinal);
                Assert.Contains("EncryptedData", xml, StringComparison.Ordinal);
                Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
            });
        }

        // A second node reads the encrypted key from the database and decrypts it with the same certificate.
        await using var node = await TestApp.StartNodeAsync(app);
        Assert.Equal("a cookie", Protector(node).Unprotect(secret));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Demo_seeding_leaves_a_database_that_already_has_agencies_and_people_untouched(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        await app.AddAgencyAsync("FR-A");
        await app.AddUserAsync("FR-A", "officer.a", "officer");
        var seed = new Dictionary<string, string?> { ["Demo:Seed"] = "true" };

        await using var demo = await TestApp.StartNodeAsync(app, extra: seed);

        await using var context = app.NewContext();
        Assert.Equal(["FR-A"], await context.Agencies.Select(a => a.Code).ToListAsync());
        Assert.Equal(["officer.a"], await context.Users.Select(u => u.UserName!).ToListAsync());
    }

    [Fact]
    public async Task Https_required_redirects_plain_http_and_marks_cookies_secure_whatever_the_host()
    {
        var https = new Dictionary<string, string?> { ["Https:Required"] = "true" };
        await using var app = await TestApp.StartAsync(Db.Sqlite, https);
        await app.AddAgencyAsync("FR-A");
        await app.AddUserAsync("FR-A", "officer.a", "officer");
        var plain = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        foreach (var host in new[] { "localhost", "127.0.0.1", "passerelle.example" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/Account/Login");
            request.Headers.Host = host;
            var redirected = await plain.SendAsync(request);
            Assert.Equal(HttpStatusCode.TemporaryRedirect, redirected.StatusCode);
            Assert.Equal($"https://{host}/Account/Login", redirected.Headers.Location!.ToString());
        }

        var secure = app.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://localhost"),
            AllowAutoRedirect = false,
            HandleCookies = true,
        });
        var login = await secure.GetAsync("/Account/Login");
        Assert.True(login.Headers.Contains("Strict-Transport-Security"));
        var cookies = login.Headers.GetValues("Set-Cookie");
        Assert.All(cookies, c => Assert.Contains("; secure", c, StringComparison.Ordinal));
        var token = System.Text.RegularExpressions.Regex.Match(
            await login.Content.ReadAsStringAsync(), "__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")
            .Groups[1].Value;
        var signedIn = await secure.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["login"] = "officer.a",
            ["password"] = TestApp.Password,
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
        }));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var session = Assert.Single(
            signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("passerelle=", StringComparison.Ordinal));
        Assert.Contains("; secure", session, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Without_Https_required_a_remote_host_name_gets_no_redirect()
    {
        await using var app = await TestApp.StartAsync(Db.Sqlite);
        var plain = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Account/Login");
        request.Headers.Host = "passerelle.example";

        var response = await plain.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    private static IDataProtector Protector(TestApp app) =>
        app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test");

    /// <summary>A self-signed RSA certificate and its private key, in a temporary .pfx with a password.</summary>
    private static (string Path, string Password) SelfSignedPfx()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest(
            "CN=passerelle-test-keys", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(30));
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"passerelle-keys-{Guid.NewGuid():N}.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
        return (path, password);
    }
}
