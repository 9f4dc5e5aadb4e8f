using System.Net.Http.Json;
using System.Text.Json;
using Passerelle.Core.Trust.Access;
using Passerelle.Core.Trust.Agencies;
using Passerelle.IntegrationTests.Support;

namespace Passerelle.IntegrationTests.Authentications;

/// <summary>
/// A verified rights holder's published perfume (GS1 GTIN 6291041500213, HS 3303), and 240 bottles of it detained at
/// Le Havre by a French customs officer, whose agency also has a coordinator.
/// </summary>
internal sealed record AuthenticationWorld(TestApp App, HttpClient Brand, HttpClient Officer, Guid Request)
{
    public static async Task<AuthenticationWorld> StartAsync(Db db, TimeProvider? time = null)
    {
        var app = await TestApp.StartAsync(db, replace: time is null ? null : services => services.AddSingleton(time));
        await app.AddAgencyAsync("RH-LUMIERE", "rights-holder");
        await app.AddAgencyAsync("FR-DOUANE", "customs");
        await app.RunAsync<VerifyRightsHolder, AgencySummary>(
            h => h.HandleAsync(Actor.Console(), "RH-LUMIERE", "Checked.", default));
        await app.AddUserAsync("RH-LUMIERE", "lumiere.brand", "rights-holder");
        await app.AddUserAsync("FR-DOUANE", "douane.officer", "officer");
        await app.AddUserAsync("FR-DOUANE", "douane.coordinator", "coordinator");
        var brand = app.ClientWithToken(await app.TokenAsync("lumiere.brand"));
        var officer = app.ClientWithToken(await app.TokenAsync("douane.officer"));
        var sheet = new { brand = "Lumière", name = "Eau de parfum", gtins = new[] { "6291041500213" }, hsCode = "330300" };
        var product = await IdOfAsync(await brand.PostAsJsonAsync("/api/v1/products", sheet));
        (await brand.PostAsync($"/api/v1/products/{product}/publish", null)).EnsureSuccessStatusCode();
        var detained = new { productId = product, quantity = 240, place = "Le Havre" };
        var request = await IdOfAsync(await officer.PostAsJsonAsync("/api/v1/authentications", detained));
        return new AuthenticationWorld(app, brand, officer, request);
    }

    /// <summary>The rights holder's verdict: counterfeit.</summary>
    public async Task AnswerAsync(string reasons = "No hologram.")
    {
        var reply = new { verdict = "counterfeit", reasons };
        (await Brand.PostAsJsonAsync($"/api/v1/authentications/{Request}/reply", reply)).EnsureSuccessStatusCode();
    }

    public Task<HttpResponseMessage> RecordAsync(HttpClient client, object outcome) =>
        client.PostAsJsonAsync($"/api/v1/authentications/{Request}/outcome", outcome);

    private static async Task<Guid> IdOfAsync(HttpResponseMessage created) =>
        (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
}
