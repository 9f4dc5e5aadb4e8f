using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Passerelle.IntegrationTests.Support;

namespace Passerelle.IntegrationTests.Hosting;

/// <summary>A setting with a bad value stops the server before it serves or writes anything, naming the setting.</summary>
public sealed class StartupOptionsTests
{
    [Theory]
    [InlineData("Blobs:Path", "   ")]
    [InlineData("Limits:MaxBodyBytes", "0")]
    [InlineData("Limits:MaxBodyBytes", "a megabyte")]
    [InlineData("Demo:Seed", "maybe")]
    [InlineData("Https:Port", "70000")]
    public async Task Serve_with_a_bad_setting_refuses_to_start_and_names_the_setting(string key, string value)
    {
        var settings = await TestApp.DatabaseSettingsAsync(Db.Sqlite);
        // Outside the test environment the server would first ask for its data-protection certificate.
        settings["DOTNET_ENVIRONMENT"] = "Testing";
        settings[key] = value;

        var serve = await PasserelleCli.RunAsync(settings, null, "serve", "--urls", "http://127.0.0.1:0");

        Assert.Equal(2, serve.ExitCode);
        Assert.Contains("invalid configuration", serve.Error, StringComparison.Ordinal);
        Assert.Contains(key, serve.Error, StringComparison.Ordinal);
        var file = settings["ConnectionStrings:Passerelle"]!["Data Source=".Length..];
        Assert.False(File.Exists(file));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_body_over_Limits_MaxBodyBytes_is_a_413_naming_that_limit(Db db)
    {
        await using var app = await TestApp.StartAsync(db, new Dictionary<string, string?> { ["Limits:MaxBodyBytes"] = "2048" });
        await app.AddAgencyAsync("FR-A");
        await app.AddUserAsync("FR-A", "admin.a", "admin");
        var admin = app.ClientWithToken(await app.TokenAsync("admin.a"));
        var body = JsonSerializer.Serialize(new { code = "FR-X", name = new string('a', 4096), kind = "customs", country = "FRA" });

        var response = await admin.PostAsync("/api/v1/agencies", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("request.too-large", problem.GetProperty("code").GetString());
        Assert.Contains("2048 bytes", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
