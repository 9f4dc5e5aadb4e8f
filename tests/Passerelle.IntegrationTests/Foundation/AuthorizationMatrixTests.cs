using System.Net.Http.Json;
using Microsoft.AspNetCore.Routing;
using Passerelle.IntegrationTests.Support;

namespace Passerelle.IntegrationTests.Foundation;

/// <summary>
/// Every API route, called by each role with a token holding every scope its roles allow, against a target in the
/// caller's own agency and in another one. The expected statuses are the table below; a new route fails the
/// coverage test until it has rows here.
/// </summary>
public sealed class AuthorizationMatrixTests
{
    private static readonly string[] Callers = ["admin", "coordinator", "officer", "investigator", "auditor", "rights-holder"];

    //                         route                                   target    admin coord officer invest auditor rights-holder
    private static readonly Row[] Table =
    [
        new("GET /api/v1/me", Target.None,                               200, 200, 200, 200, 200, 200),
        new("GET /api/v1/agencies", Target.None,                         200, 200, 403, 403, 200, 403),
        new("GET /api/v1/agencies/{code}", Target.Own,                   200, 200, 403, 403, 200, 403),
        new("GET /api/v1/agencies/{code}", Target.Other,                 200, 200, 403, 403, 200, 403),
        new("POST /api/v1/agencies", Target.None,                        201, 403, 403, 403, 403, 403),
        new("POST /api/v1/agencies/{code}/verify", Target.None,          200, 403, 403, 403, 403, 403),
        new("GET /api/v1/users", Target.Own,                             200, 200, 403, 403, 403, 403),
        new("GET /api/v1/users", Target.Other,                           200, 403, 403, 403, 403, 403),
        new("POST /api/v1/users", Target.Own,                            201, 201, 403, 403, 403, 403),
        new("POST /api/v1/users", Target.Other,                          201, 403, 403, 403, 403, 403),
        new("POST /api/v1/users/{login}/disable", Target.Own,            200, 200, 403, 403, 403, 403),
        new("POST /api/v1/users/{login}/disable", Target.Other,          200, 403, 403, 403, 403, 403),
        new("GET /api/v1/tokens", Target.None,                           200, 200, 200, 200, 200, 200),
        new("POST /api/v1/tokens", Target.Own,                           201, 201, 403, 403, 403, 403),
        new("POST /api/v1/tokens", Target.Other,                         201, 403, 403, 403, 403, 403),
        new("DELETE /api/v1/tokens/{id}", Target.Own,                    200, 200, 403, 403, 403, 403),
        new("DELETE /api/v1/tokens/{id}", Target.Other,                  200, 403, 403, 403, 403, 403),
        new("GET /api/v1/audit", Target.None,                            403, 403, 403, 403, 200, 403),
        new("GET /api/v1/audit/export", Target.None,                     403, 403, 403, 403, 200, 403),
        new("POST /api/v1/audit/verify", Target.None,                    403, 403, 403, 403, 200, 403),
    ];

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Each_role_gets_the_expected_status_on_every_route_for_its_own_and_another_agency(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var world = await World.BuildAsync(app);
        var failures = new List<string>();

        foreach (var row in Table)
        {
            for (var i = 0; i < Callers.Length; i++)
            {
                var caller = Callers[i];
                var response = await world.SendAsync(row, caller);
                if ((int)response.StatusCode != row.Expected[i])
                {
                    failures.Add($"{row.Route} ({row.Target}) as {caller}: expected {row.Expected[i]}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task The_table_covers_every_api_route()
    {
        await using var app = await TestApp.StartAsync(Db.Sqlite);
        var routes = app.Services.GetServices<EndpointDataSource>()
            .SelectMany(source => source.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => $"{m} {Normalize(e.RoutePattern.RawText!)}"))
            .ToHashSet();
        var covered = Table.Select(r => r.Route).ToHashSet();

        Assert.Empty(routes.Except(covered));
    }

    private static string Normalize(string pattern) =>
        pattern.TrimEnd('/').Replace(":guid", "", StringComparison.Ordinal);

    public enum Target
    {
        None,
        Own,
        Other,
    }

    public sealed record Row(string Route, Target Target, params int[] Expected);

    /// <summary>Two law-enforcement agencies and a rights holder, with one caller per role and targets to act on.</summary>
    private sealed class World(TestApp app, Dictionary<string, (string Login, string Agency, HttpClient Client)> callers)
    {
        private int counter;

        public static async Task<World> BuildAsync(TestApp app)
        {
            await app.AddAgencyAsync("FR-A");
            await app.AddAgencyAsync("FR-B", "police");
            await app.AddAgencyAsync("RH-BRAND", "rights-holder");
            var callers = new Dictionary<string, (string, string, HttpClient)>();
            foreach (var role in Callers)
            {
                var agency = role == "rights-holder" ? "RH-BRAND" : "FR-A";
                var login = $"caller.{role}";
                await app.AddUserAsync(agency, login, role);
                callers[role] = (login, agency, app.ClientWithToken(await app.TokenAsync(login)));
            }

            return new World(app, callers);
        }

        public async Task<HttpResponseMessage> SendAsync(Row row, string role)
        {
            var (_, ownAgency, client) = callers[role];
            var agency = row.Target == Target.Other ? "FR-B" : ownAgency;
            var n = Interlocked.Increment(ref counter);
            var targetRole = agency == "RH-BRAND" ? "rights-holder" : "officer";
            switch (row.Route)
            {
                case "GET /api/v1/agencies/{code}":
                    return await client.GetAsync($"/api/v1/agencies/{agency}");
                case "POST /api/v1/agencies":
                    return await client.PostAsJsonAsync("/api/v1/agencies", new { code = $"NEW-{n}", name = "New agency", kind = "customs", country = "BEL" });
                case "POST /api/v1/agencies/{code}/verify":
                    return await client.PostAsJsonAsync("/api/v1/agencies/RH-BRAND/verify", new { evidence = "Registry extract checked." });
                case "GET /api/v1/users":
                    return await client.GetAsync($"/api/v1/users?agency={agency}");
                case "POST /api/v1/users":
                    return await client.PostAsJsonAsync("/api/v1/users", new { agency, login = $"new.user{n}", roles = new[] { targetRole }, password = TestApp.Password });
                case "POST /api/v1/users/{login}/disable":
                    var victim = await app.AddUserAsync(agency, $"victim{n}", targetRole);
                    return await client.PostAsync($"/api/v1/users/{victim.Login}/disable", null);
                case "POST /api/v1/tokens":
                    var owner = await app.AddUserAsync(agency, $"owner{n}", targetRole);
                    return await client.PostAsJsonAsync("/api/v1/tokens", new { user = owner.Login, scopes = new[] { "tokens:read" }, expiresInDays = 7 });
                case "DELETE /api/v1/tokens/{id}":
                    var holder = await app.AddUserAsync(agency, $"holder{n}", targetRole);
                    await app.TokenAsync(holder.Login, "tokens:read");
                    var id = await TokenIdOfAsync(holder.Login);
                    return await client.DeleteAsync($"/api/v1/tokens/{id}");
                default:
                    var (method, path) = (row.Route.Split(' ')[0], row.Route.Split(' ')[1]);
                    return await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
            }
        }

        private async Task<Guid> TokenIdOfAsync(string login)
        {
            await using var context = app.NewContext();
            return context.ApiTokens.Single(t => context.Users.Any(u => u.Id == t.UserId && u.UserName == login)).Id;
        }
    }
}
