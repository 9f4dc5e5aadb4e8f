using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Passerelle.IntegrationTests.Support;

namespace Passerelle.IntegrationTests.Foundation;

public sealed class ServingTests
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Ready_means_the_database_answers_and_is_migrated(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_OpenAPI_document_is_OpenAPI_3_and_lists_the_api(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        using var document = JsonDocument.Parse(await app.CreateClient().GetStringAsync("/openapi/v1.json"));

        Assert.StartsWith("3.", document.RootElement.GetProperty("openapi").GetString());
        Assert.True(document.RootElement.GetProperty("paths").TryGetProperty("/api/v1/me", out _));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Me_without_a_token_is_a_401_problem(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var response = await app.CreateClient().GetAsync("/api/v1/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("auth.required", problem.GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("requestId").GetString()));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Me_with_a_token_names_the_user_its_agency_roles_and_scopes(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        await app.AddAgencyAsync("FR-DGDDI");
        await app.AddUserAsync("FR-DGDDI", "officer.one", "officer");
        var token = await app.TokenAsync("officer.one", "documents:screen");

        var me = await app.ClientWithToken(token).GetFromJsonAsync<JsonElement>("/api/v1/me");

        Assert.Equal("officer.one", me.GetProperty("login").GetString());
        Assert.Equal("FR-DGDDI", me.GetProperty("agency").GetProperty("code").GetString());
        Assert.Equal(["officer"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(["documents:screen"], me.GetProperty("token").GetProperty("scopes").EnumerateArray().Select(r => r.GetString()));
    }
}
