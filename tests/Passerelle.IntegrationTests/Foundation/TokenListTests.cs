using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Passerelle.IntegrationTests.Support;

namespace Passerelle.IntegrationTests.Foundation;

/// <summary>The token list, filtered in the database by the same rule: own, the agency's, or everyone's.</summary>
public sealed class TokenListTests
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Each_role_lists_its_own_its_agencys_or_everyones_tokens(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        await app.AddAgencyAsync("HQ");
        await app.AddAgencyAsync("FR-A");
        await app.AddAgencyAsync("FR-B");
        await app.AddUserAsync("HQ", "admin.hq", "admin");
        await app.AddUserAsync("FR-A", "coord.a", "coordinator");
        await app.AddUserAsync("FR-A", "officer.a", "officer");
        await app.AddUserAsync("FR-A", "officer.a2", "officer");
        await app.AddUserAsync("FR-B", "officer.b", "officer");
        var tokens = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var login in new[] { "admin.hq", "coord.a", "officer.a", "officer.a2", "officer.b" })
        {
            tokens[login] = await app.TokenAsync(login);
        }

        async Task<string[]> OwnersSeenBy(string login) =>
            [.. (await app.ClientWithToken(tokens[login]).GetFromJsonAsync<JsonElement>("/api/v1/tokens"))
                .EnumerateArray().Select(t => t.GetProperty("user").GetString()!).Order(StringComparer.Ordinal)];

        Assert.Equal(["officer.a"], await OwnersSeenBy("officer.a"));
        Assert.Equal(["officer.b"], await OwnersSeenBy("officer.b"));
        Assert.Equal(["coord.a", "officer.a", "officer.a2"], await OwnersSeenBy("coord.a"));
        Assert.Equal(["admin.hq", "coord.a", "officer.a", "officer.a2", "officer.b"], await OwnersSeenBy("admin.hq"));
        var unscoped = app.ClientWithToken(await app.TokenAsync("coord.a", "users:read"));
        Assert.Equal(HttpStatusCode.Forbidden, (await unscoped.GetAsync("/api/v1/tokens")).StatusCode);
    }
}
