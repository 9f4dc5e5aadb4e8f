using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
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
}
