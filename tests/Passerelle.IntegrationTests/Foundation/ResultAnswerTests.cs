using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Passerelle.IntegrationTests.Support;

namespace Passerelle.IntegrationTests.Foundation;

/// <summary>
/// How each front end answers a Core result, pinned where no other test looks: the address of what an API call
/// created, and the forms a command prints a list or a refusal in.
/// </summary>
public sealed class ResultAnswerTests
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_created_resource_is_answered_201_with_its_address_and_a_conflict_as_a_problem(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        await app.AddAgencyAsync("FR-HQ");
        await app.AddUserAsync("FR-HQ", "admin.hq", "admin");
        await app.AddUserAsync("FR-HQ", "officer.hq", "officer");
        var admin = app.ClientWithToken(await app.TokenAsync("admin.hq"));

        var agency = new { code = "fr-new", name = "New agency", kind = "police", country = "FRA" };
        var created = await admin.PostAsJsonAsync("/api/v1/agencies", agency);
        var again = await admin.PostAsJsonAsync("/api/v1/agencies", agency);
        var token = await admin.PostAsJsonAsync(
            "/api/v1/tokens", new { user = "officer.hq", scopes = new[] { "tokens:read" } });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/v1/agencies/FR-NEW", created.Headers.Location?.OriginalString);
        Assert.Equal("FR-NEW", await CodeAsync(created));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
        Assert.Equal("agency.duplicate", await CodeAsync(again));
        Assert.Equal(HttpStatusCode.Created, token.StatusCode);
        var id = (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/tokens/{id}", token.Headers.Location?.OriginalString);
        Assert.Equal("no-store", token.Headers.CacheControl?.ToString());
    }

    private static async Task<string?> CodeAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString();

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_command_lists_as_json_or_as_lines_and_prints_a_refusal_with_its_code_and_fields(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        await app.AddAgencyAsync("FR-A");
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = db.ToString(),
            ["ConnectionStrings:Passerelle"] = app.ConnectionString,
        };

        var json = await PasserelleCli.RunAsync(settings, null, "agencies", "list", "--json");
        var lines = await PasserelleCli.RunAsync(settings, null, "agencies", "list");
        var refused = await PasserelleCli.RunAsync(
            settings, null, "agencies", "add", "--code", "x", "--name", "X", "--kind", "police", "--country", "ZZZ");

        Assert.Equal(0, json.ExitCode);
        var listed = JsonDocument.Parse(json.Output).RootElement;
        Assert.Contains(listed.EnumerateArray(), a => a.GetProperty("code").GetString() == "FR-A");
        Assert.Equal(0, lines.ExitCode);
        Assert.Contains(lines.Output.Split('\n'), line => line.StartsWith("FR-A ", StringComparison.Ordinal));
        Assert.Equal(2, refused.ExitCode);
        Assert.Equal("", refused.Output);
        Assert.StartsWith("error agency.code: ", refused.Error, StringComparison.Ordinal);
        Assert.Contains("\n  --country: ", refused.Error, StringComparison.Ordinal);
    }
}
