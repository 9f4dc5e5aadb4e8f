using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Passerelle.IntegrationTests.Support;

namespace Passerelle.IntegrationTests.Foundation;

/// <summary>
/// The API speaks to machines: it refuses as an API, with a problem, never by sending a browser to the login page, and
/// it serves no site file under its addresses.
/// </summary>
public sealed class ApiAnswerTests
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task An_anonymous_call_to_an_unknown_API_address_is_a_401_problem_not_a_redirect_to_sign_in(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var client = app.CreateClient(new() { AllowAutoRedirect = false });

        foreach (var address in new[] { "/api/v1/nope", "/api/site.css", "/api/v1/me" })
        {
            var response = await client.GetAsync(address);

            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("auth.required",
                (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        }

        var page = await client.GetAsync("/Screen");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/Account/Login", page.Headers.Location?.AbsolutePath);
    }

    /// <summary>
    /// Whatever a person may do on the pages, their signed-in session authorizes no API route: over every route under
    /// <c>/api/v1</c>, each asked with its address in a random mix of upper and lower case (the router reads it either
    /// way), a coordinator's cookie gets a 401 problem, as no session at all would, and never an answer or a redirect.
    /// </summary>
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task No_signed_in_session_authorizes_an_API_route_whatever_the_case_of_its_address(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        await app.AddAgencyAsync("FR-A");
        await app.AddUserAsync("FR-A", "coord.a", "coordinator");
        var browser = await HomePageTests.SignInAsync(app, "coord.a");
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/Screen")).Response.StatusCode);
        var routes = app.Services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints)
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => (Method: m, Path: MinimalScopeTests.Concrete(e.RoutePattern.RawText!))))
            .ToList();
        Assert.True(routes.Count > 40, $"only {routes.Count} routes found");
        var random = new Random(20261201);
        var failures = new List<string>();

        foreach (var (method, path) in routes)
        {
            var mixed = new string([.. path.Select(c => random.Next(2) == 0 ? char.ToUpperInvariant(c) : c)]);
            var request = new HttpRequestMessage(new HttpMethod(method), mixed)
            {
                Content = JsonContent.Create(new { }),
            };
            var response = await browser.Client.SendAsync(request);
            if (response.StatusCode != HttpStatusCode.Unauthorized
                || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            {
                failures.Add($"{method} {mixed}: {(int)response.StatusCode}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
