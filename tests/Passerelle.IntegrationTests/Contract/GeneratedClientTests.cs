using Passerelle.IntegrationTests.Support;
using Passerelle.IntegrationTests.TravelDocuments;

namespace Passerelle.IntegrationTests.Contract;

/// <summary>The OpenAPI document is a contract a client can be generated from, and the client works.</summary>
public sealed class GeneratedClientTests
{
    // ICAO Doc 9303 Part 4, Appendix A: the TD3 specimen passport, document L898902C3.
    private const string Eriksson =
        "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10";

    /// <summary>
    /// Compiled against the generated client: a screening by MRZ, then one without its purpose, whose problem the
    /// client raises as the document's ProblemDetails with its code. The token goes in as the bearer scheme says.
    /// </summary>
    private const string Probe = """
        using Microsoft.Kiota.Abstractions;
        using Microsoft.Kiota.Abstractions.Authentication;
        using Microsoft.Kiota.Http.HttpClientLibrary;
        using Passerelle.Client.Models;

        namespace Passerelle.Client;

        public static class Probe
        {
            public static async Task<string[]> ScreenAsync(HttpClient http, string token, string mrz)
            {
                var adapter = new HttpClientRequestAdapter(new Bearer(token), httpClient: http)
                {
                    BaseUrl = http.BaseAddress!.ToString().TrimEnd('/'),
                };
                var client = new PasserelleClient(adapter);
                var screened = await client.Api.V1.Documents.Screen.PostAsync(
                    new ScreenRequest { Mrz = mrz, Purpose = "border-check", Location = "CDG T2" });
                string refused;
                try
                {
                    await client.Api.V1.Documents.Screen.PostAsync(new ScreenRequest { Mrz = mrz });
                    refused = "answered";
                }
                catch (ProblemDetails problem)
                {
                    refused = $"{problem.ResponseStatusCode} {problem.Code}";
                }

                var match = screened!.Matches![0];
                return [$"{screened.Result}", $"{match.Match}", match.OwnerAgency!, match.DocumentNumber!, refused];
            }
        }

        internal sealed class Bearer(string token) : IAuthenticationProvider
        {
            public Task AuthenticateRequestAsync(RequestInformation request,
                Dictionary<string, object>? context = null, CancellationToken cancellationToken = default)
            {
                request.Headers.Add("Authorization", $"Bearer {token}");
                return Task.CompletedTask;
            }
        }
        """;

    [Fact]
    public async Task A_client_Kiota_generates_from_the_document_screens_a_document_and_reads_its_problems()
    {
        await using var app = await TestApp.StartAsync(Db.Sqlite);
        var world = await RegisterWorld.BuildAsync(app);
        await world.RegisterAsync("L898902C3");
        var token = await app.TokenAsync("douane.officer", "documents:screen");
        var document = await app.CreateClient().GetStringAsync("/openapi/v1.json");

        using var client = await GeneratedClient.BuildAsync(document, Probe);
        var answers = await client.CallAsync("ScreenAsync", app.CreateClient(), token, Eriksson);

        Assert.Equal(["Hit", "Hit", "FR-POLICE", "L898902C3", "400 screen.purpose"], answers);
    }
}
