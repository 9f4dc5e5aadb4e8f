using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Passerelle.IntegrationTests.Support;
using Passerelle.IntegrationTests.TravelDocuments;

namespace Passerelle.IntegrationTests.Foundation;

/// <summary>
/// The API speaks to machines: its answers are the same whatever language the caller's headers or cookies ask for,
/// since its requests skip choosing one, while the pages still follow the reader; and it refuses as an API, never by
/// sending a browser to the login page.
/// </summary>
public sealed class ApiAnswerTests
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task An_API_error_reads_the_same_whatever_language_the_caller_asks_for(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var world = await RegisterWorld.BuildAsync(app);

        var plain = await ScreenWithoutPurposeAsync(world.CustomsOfficer, french: false);
        var french = await ScreenWithoutPurposeAsync(world.CustomsOfficer, french: true);

        Assert.Equal(plain, french);
        Assert.StartsWith("Say why you screen", plain, StringComparison.Ordinal);
        var page = new HttpRequestMessage(HttpMethod.Get, "/Account/Login");
        page.Headers.AcceptLanguage.ParseAdd("fr-FR,fr;q=0.9");
        var login = await (await app.CreateClient().SendAsync(page)).Content.ReadAsStringAsync();
        Assert.Contains("Se connecter", login, StringComparison.Ordinal);
    }

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

    private static async Task<string> ScreenWithoutPurposeAsync(HttpClient client, bool french)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/documents/screen")
        {
            Content = JsonContent.Create(new { documentNumber = "ZZ9999999", issuingState = "UTO" }),
        };
        if (french)
        {
            request.Headers.AcceptLanguage.ParseAdd("fr-FR,fr;q=0.9");
            request.Headers.Add("Cookie", ".AspNetCore.Culture=c%3Dfr%7Cuic%3Dfr");
        }

        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        return problem.GetProperty("detail").GetString()!;
    }
}
