using Microsoft.AspNetCore.Routing;
using Passerelle.IntegrationTests.Support;

namespace Passerelle.IntegrationTests.Foundation;

/// <summary>
/// Every API route, called by each role with a token holding every scope its roles allow, against a target in the
/// caller's own agency and in another one. The expected statuses are the table below; a new route fails the
/// coverage test until it has rows here.
/// </summary>
public sealed partial class AuthorizationMatrixTests
{
    private static readonly string[] Callers = ["admin", "coordinator", "officer", "investigator", "auditor", "rights-holder"];

    //                         route                                   target    admin coord officer invest auditor rights-holder
    private static readonly Row[] Table =
    [
        new("GET /api/v1/me", Target.None,                               200, 200, 200, 200, 200, 200),
        new("POST /api/v1/me/password", Target.None,                     204, 204, 204, 204, 204, 204),
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
        new("POST /api/v1/users/{login}/reset", Target.Own,              200, 200, 403, 403, 403, 403),
        new("POST /api/v1/users/{login}/reset", Target.Other,            200, 403, 403, 403, 403, 403),
        new("PUT /api/v1/users/{login}/roles", Target.Own,               200, 200, 403, 403, 403, 403),
        new("PUT /api/v1/users/{login}/roles", Target.Other,             200, 403, 403, 403, 403, 403),
        new("GET /api/v1/tokens", Target.None,                           200, 200, 200, 200, 200, 200),
        new("POST /api/v1/tokens", Target.Own,                           201, 201, 403, 403, 403, 403),
        new("POST /api/v1/tokens", Target.Other,                         201, 403, 403, 403, 403, 403),
        new("DELETE /api/v1/tokens/{id}", Target.Own,                    200, 200, 403, 403, 403, 403),
        new("DELETE /api/v1/tokens/{id}", Target.Other,                  200, 403, 403, 403, 403, 403),
        new("GET /api/v1/audit", Target.None,                            403, 403, 403, 403, 200, 403),
        new("GET /api/v1/audit/export", Target.None,                     403, 403, 403, 403, 200, 403),
        new("POST /api/v1/audit/verify", Target.None,                    403, 403, 403, 403, 200, 403),
        new("POST /api/v1/documents/screen", Target.None,                403, 200, 200, 200, 403, 403),
        new("POST /api/v1/documents/screen/batch", Target.None,          403, 200, 200, 200, 403, 403),
        new("POST /api/v1/documents", Target.None,                       403, 201, 403, 201, 403, 403),
        new("GET /api/v1/documents", Target.None,                        403, 200, 403, 200, 403, 403),
        new("GET /api/v1/documents/{id}", Target.Own,                    403, 200, 403, 200, 403, 403),
        new("GET /api/v1/documents/{id}", Target.Other,                  403, 403, 403, 403, 403, 403),
        new("PATCH /api/v1/documents/{id}", Target.Own,                  403, 200, 403, 200, 403, 403),
        new("PATCH /api/v1/documents/{id}", Target.Other,                403, 403, 403, 403, 403, 403),
        new("DELETE /api/v1/documents/{id}", Target.Own,                 403, 200, 403, 200, 403, 403),
        new("DELETE /api/v1/documents/{id}", Target.Other,               403, 403, 403, 403, 403, 403),
        new("POST /api/v1/documents/import", Target.None,                403, 200, 403, 200, 403, 403),
        new("GET /api/v1/documents/export", Target.None,                 403, 200, 403, 200, 403, 403),
        new("GET /api/v1/hits", Target.None,                             403, 200, 200, 200, 403, 403),
        new("GET /api/v1/hits/{id}", Target.Own,                         403, 200, 403, 200, 403, 403),
        new("GET /api/v1/hits/{id}", Target.Other,                       403, 403, 403, 403, 403, 403),
        new("POST /api/v1/hits/{id}/confirm", Target.Own,                403, 200, 403, 403, 403, 403),
        new("POST /api/v1/hits/{id}/confirm", Target.Other,              403, 403, 403, 403, 403, 403),
        new("POST /api/v1/hits/{id}/recover", Target.Own,                403, 200, 403, 403, 403, 403),
        new("POST /api/v1/hits/{id}/recover", Target.Other,              403, 403, 403, 403, 403, 403),
        new("POST /api/v1/hits/{id}/clear", Target.Own,                  403, 200, 403, 403, 403, 403),
        new("POST /api/v1/hits/{id}/clear", Target.Other,                403, 403, 403, 403, 403, 403),
        new("POST /api/v1/hits/{id}/mismatch", Target.Own,               403, 200, 403, 403, 403, 403),
        new("POST /api/v1/hits/{id}/mismatch", Target.Other,             403, 403, 403, 403, 403, 403),
        new("GET /api/v1/notifications", Target.None,                    403, 200, 200, 200, 403, 200),
        new("POST /api/v1/notifications/{id}/read", Target.Own,          403, 200, 404, 404, 403, 404),
        new("POST /api/v1/notifications/{id}/read", Target.Other,        403, 404, 404, 404, 403, 404),
        new("GET /api/v1/webhooks", Target.None,                         403, 200, 403, 403, 403, 200),
        new("POST /api/v1/webhooks", Target.None,                        403, 201, 403, 403, 403, 201),
        new("DELETE /api/v1/webhooks/{id}", Target.Own,                  403, 200, 403, 403, 403, 403),
        new("DELETE /api/v1/webhooks/{id}", Target.Other,                403, 403, 403, 403, 403, 403),
        new("GET /api/v1/products/lookup", Target.None,                  403, 200, 200, 200, 403, 403),
        new("GET /api/v1/products", Target.None,                         403, 403, 403, 403, 403, 200),
        new("POST /api/v1/products", Target.None,                        403, 403, 403, 403, 403, 201),
        new("GET /api/v1/products/{id}", Target.Own,                     403, 200, 200, 200, 403, 200),
        new("GET /api/v1/products/{id}", Target.Other,                   403, 200, 200, 200, 403, 403),
        new("PUT /api/v1/products/{id}", Target.Own,                     403, 403, 403, 403, 403, 200),
        new("PUT /api/v1/products/{id}", Target.Other,                   403, 403, 403, 403, 403, 403),
        new("POST /api/v1/products/{id}/publish", Target.Own,            403, 403, 403, 403, 403, 200),
        new("POST /api/v1/products/{id}/publish", Target.Other,          403, 403, 403, 403, 403, 403),
        new("GET /api/v1/alerts", Target.None,                           403, 200, 200, 200, 403, 200),
        new("POST /api/v1/alerts", Target.None,                          403, 403, 403, 403, 403, 201),
        new("PUT /api/v1/alerts/{id}", Target.Own,                       403, 403, 403, 403, 403, 200),
        new("PUT /api/v1/alerts/{id}", Target.Other,                     403, 403, 403, 403, 403, 403),
        new("POST /api/v1/alerts/{id}/close", Target.Own,                403, 403, 403, 403, 403, 200),
        new("POST /api/v1/alerts/{id}/close", Target.Other,              403, 403, 403, 403, 403, 403),
        new("GET /api/v1/authentications", Target.None,                  403, 200, 200, 200, 403, 200),
        new("POST /api/v1/authentications", Target.None,                 403, 201, 201, 201, 403, 403),
        new("GET /api/v1/authentications/{id}", Target.Own,              403, 200, 403, 403, 403, 200),
        new("GET /api/v1/authentications/{id}", Target.Other,            403, 403, 403, 403, 403, 403),
        new("POST /api/v1/authentications/{id}/reply", Target.Own,       403, 403, 403, 403, 403, 200),
        new("POST /api/v1/authentications/{id}/reply", Target.Other,     403, 403, 403, 403, 403, 403),
        new("POST /api/v1/authentications/{id}/messages", Target.Own,    403, 200, 403, 403, 403, 200),
        new("POST /api/v1/authentications/{id}/messages", Target.Other,  403, 403, 403, 403, 403, 403),
        new("POST /api/v1/authentications/{id}/photos", Target.Own,      403, 200, 403, 403, 403, 403),
        new("POST /api/v1/authentications/{id}/photos", Target.Other,    403, 403, 403, 403, 403, 403),
        new("POST /api/v1/authentications/{id}/outcome", Target.Own,     403, 200, 403, 403, 403, 403),
        new("POST /api/v1/authentications/{id}/outcome", Target.Other,   403, 403, 403, 403, 403, 403),
        new("GET /api/v1/statistics/seizures", Target.None,              403, 200, 200, 200, 200, 200),
        new("POST /api/v1/products/lookup/photo", Target.None,           403, 200, 200, 200, 403, 403),
        new("POST /api/v1/products/{id}/pictures", Target.Own,           403, 403, 403, 403, 403, 201),
        new("POST /api/v1/products/{id}/pictures", Target.Other,         403, 403, 403, 403, 403, 403),
        new("GET /api/v1/pictures/{id}", Target.Own,                     403, 200, 200, 200, 403, 200),
        new("GET /api/v1/pictures/{id}", Target.Other,                   403, 200, 200, 200, 403, 403),
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
}
