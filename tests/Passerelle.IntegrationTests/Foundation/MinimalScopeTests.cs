using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Passerelle.IntegrationTests.Support;

namespace Passerelle.IntegrationTests.Foundation;

/// <summary>The airline's token: hit, possible or clear, and nothing else anywhere.</summary>
public sealed class MinimalScopeTests
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_minimal_token_screens_and_is_refused_on_every_other_route(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        await app.AddAgencyAsync("FR-A");
        await app.AddUserAsync("FR-A", "coord.a", "coordinator");
        var airline = app.ClientWithToken(await app.TokenAsync("coord.a", "documents:screen-minimal"));

        var screened = await airline.PostAsJsonAsync("/api/v1/documents/screen",
            new { documentNumber = "Q0000000", issuingState = "FRA", purpose = "check-in" });
        Assert.Equal(HttpStatusCode.OK, screened.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await airline.GetAsync("/api/v1/hits")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await airline.GetAsync("/api/v1/notifications")).StatusCode);

        var routes = app.Services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.Ordinal) == true
                && !e.RoutePattern.RawText.StartsWith("/api/v1/documents/screen", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => (Method: m, Path: Concrete(e.RoutePattern.RawText!),
                    Type: e.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()?.ContentTypes
                        is [var first, ..] ? first : null)))
            .ToList();
        Assert.True(routes.Count > 40, $"only {routes.Count} routes found");
        var deniedBefore = await DeniedCountAsync(app);
        var failures = new List<string>();
        foreach (var (method, path, type) in routes)
        {
            // Each route gets a body of a type it accepts, so only the access rule can refuse it.
            HttpContent body = type is null or "application/json"
                ? JsonContent.Create(new { })
                : new StringContent("x", null, type);
            var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = body };
            var response = await airline.SendAsync(request);
            if (response.StatusCode != HttpStatusCode.Forbidden)
            {
                failures.Add($"{method} {path}: {(int)response.StatusCode}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(await DeniedCountAsync(app) - deniedBefore >= routes.Count, "every refusal is audited");
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_token_without_the_inbox_scope_does_not_read_the_inbox(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        await app.AddAgencyAsync("FR-A");
        await app.AddUserAsync("FR-A", "coord.a", "coordinator");

        var without = app.ClientWithToken(await app.TokenAsync("coord.a", "documents:write", "documents:screen"));
        var with = app.ClientWithToken(await app.TokenAsync("coord.a", "notifications:read"));

        Assert.Equal(HttpStatusCode.Forbidden, (await without.GetAsync("/api/v1/notifications")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await with.GetAsync("/api/v1/notifications")).StatusCode);
        var body = await (await without.GetAsync("/api/v1/notifications")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("access.denied", body.GetProperty("code").GetString());
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_token_never_opens_a_page(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        await app.AddAgencyAsync("FR-A");
        await app.AddUserAsync("FR-A", "coord.a", "coordinator");
        var airline = app.ClientWithToken(await app.TokenAsync("coord.a", "documents:screen-minimal"));

        foreach (var page in new[] { "/Account/EnrolTotp", "/Account/ChangePassword", "/Screen", "/Users", "/Hits" })
        {
            var response = await airline.GetAsync(page);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.DoesNotContain("totp-key", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_forwarded_address_from_a_sender_nobody_named_as_a_proxy_is_not_believed(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.9");
        client.DefaultRequestHeaders.Authorization =
            new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "junk");

        await client.GetAsync("/api/v1/me");

        await using var context = app.NewContext();
        Assert.True(await context.AuditEntries.AnyAsync(e => e.Operation == "token.rejected"));
        Assert.False(await context.AuditEntries.AnyAsync(e => e.Source == "203.0.113.9"));
    }

    /// <summary>A route's address with each parameter filled with a value of its kind.</summary>
    internal static string Concrete(string pattern) => System.Text.RegularExpressions.Regex.Replace(
        pattern, "{[^}]+}", m => m.Value.Contains("guid", StringComparison.Ordinal)
            || m.Value.Contains("id", StringComparison.Ordinal)
            ? Guid.NewGuid().ToString() : "FR-A");

    private static async Task<int> DeniedCountAsync(TestApp app)
    {
        await using var context = app.NewContext();
        return await context.AuditEntries.CountAsync(e => e.Operation == "access.denied");
    }
}
