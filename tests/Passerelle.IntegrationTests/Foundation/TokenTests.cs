using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Passerelle.IntegrationTests.Support;

namespace Passerelle.IntegrationTests.Foundation;

public sealed class TokenTests
{
    private static async Task<string> CodeOf401Async(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_revoked_token_is_refused_at_once_and_the_revocation_and_refusal_are_audited(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        await app.AddAgencyAsync("FR-A");
        await app.AddUserAsync("FR-A", "coord.a", "coordinator");
        var client = app.ClientWithToken(await app.TokenAsync("coord.a"));
        var tokens = await client.GetFromJsonAsync<JsonElement>("/api/v1/tokens");
        var id = tokens[0].GetProperty("id").GetString();

        (await client.DeleteAsync($"/api/v1/tokens/{id}")).EnsureSuccessStatusCode();

        Assert.Equal("token.revoked", await CodeOf401Async(await client.GetAsync("/api/v1/me")));
        await using var context = app.NewContext();
        var operations = await context.AuditEntries.Select(e => e.Operation).ToListAsync();
        Assert.Contains("token.revoked", operations);
        Assert.Contains("token.rejected", operations);
        Assert.True(await context.ApiTokens.AllAsync(t => t.LastUsedAt != null));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task An_expired_token_is_refused(Db db)
    {
        var time = new AdjustableTime();
        await using var app = await TestApp.StartAsync(db, replace: services => services.AddSingleton<TimeProvider>(time));
        await app.AddAgencyAsync("FR-A");
        await app.AddUserAsync("FR-A", "officer.a", "officer");
        var client = app.ClientWithToken(await app.TokenAsync("officer.a"));
        (await client.GetAsync("/api/v1/me")).EnsureSuccessStatusCode();

        time.Advance(TimeSpan.FromDays(31));

        Assert.Equal("token.expired", await CodeOf401Async(await client.GetAsync("/api/v1/me")));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Disabling_a_person_stops_their_tokens(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        await app.AddAgencyAsync("FR-A");
        await app.AddUserAsync("FR-A", "coord.a", "coordinator");
        await app.AddUserAsync("FR-A", "officer.a", "officer");
        var officer = app.ClientWithToken(await app.TokenAsync("officer.a"));
        var coordinator = app.ClientWithToken(await app.TokenAsync("coord.a"));

        (await coordinator.PostAsync("/api/v1/users/officer.a/disable", null)).EnsureSuccessStatusCode();

        Assert.Equal("token.user-disabled", await CodeOf401Async(await officer.GetAsync("/api/v1/me")));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task An_unknown_or_malformed_token_is_a_401_and_its_secret_is_not_stored(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var made_up = "psl_" + new string('A', 43);

        Assert.Equal("token.unknown", await CodeOf401Async(await app.ClientWithToken(made_up).GetAsync("/api/v1/me")));
        Assert.Equal("token.malformed", await CodeOf401Async(await app.ClientWithToken("hunter2").GetAsync("/api/v1/me")));
        await using var context = app.NewContext();
        var details = await context.AuditEntries.Select(e => e.Target + " " + e.Details).ToListAsync();
        Assert.DoesNotContain(details, d => d.Contains(made_up, StringComparison.Ordinal) || d.Contains("hunter2", StringComparison.Ordinal));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Tokens_are_stored_as_a_hash_and_carry_256_bits(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        await app.AddAgencyAsync("FR-A");
        await app.AddUserAsync("FR-A", "officer.a", "officer");
        var token = await app.TokenAsync("officer.a");

        await using var context = app.NewContext();
        var stored = await context.ApiTokens.SingleAsync();
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token))), stored.Hash);
        Assert.True(System.Buffers.Text.Base64Url.DecodeFromChars(token.AsSpan(4)).Length * 8 >= 256);
        Assert.DoesNotContain(token, stored.Prefix + stored.Name + stored.Scopes, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Too_many_requests_from_one_token_get_a_429_with_retry_after(Db db)
    {
        await using var app = await TestApp.StartAsync(db, new Dictionary<string, string?> { ["RateLimits:PerTokenPerMinute"] = "3" });
        await app.AddAgencyAsync("FR-A");
        await app.AddUserAsync("FR-A", "officer.a", "officer");
        var client = app.ClientWithToken(await app.TokenAsync("officer.a"));

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage last = null!;
        for (var i = 0; i < 4; i++)
        {
            last = await client.GetAsync("/api/v1/me");
            statuses.Add(last.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.True(last.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal("rate-limited", (await last.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }
}
