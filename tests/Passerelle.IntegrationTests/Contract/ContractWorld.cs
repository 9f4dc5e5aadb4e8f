using System.Net.Http.Json;
using System.Text.Json;
using Passerelle.Core.Trust.Access;
using Passerelle.Core.Trust.Agencies;
using Passerelle.IntegrationTests.Support;

namespace Passerelle.IntegrationTests.Contract;

/// <summary>
/// Something for every capability to fail on: French police owns the ICAO specimen passport L898902C3; a verified
/// rights holder publishes a perfume (GTIN 6291041500213) and has answered one of French customs' two requests to
/// authenticate it. An administrator, an auditor, and a token already revoked complete the cast.
/// </summary>
internal sealed record ContractWorld(
    TestApp App, HttpClient Admin, HttpClient PoliceCoordinator, HttpClient Officer, HttpClient Brand,
    HttpClient Auditor, HttpClient Revoked, Guid Product, Guid Answered, Guid Unanswered)
{
    public const string Gtin = "6291041500213";

    public static async Task<ContractWorld> BuildAsync(TestApp app)
    {
        await app.AddAgencyAsync("FR-POLICE", "police");
        await app.AddAgencyAsync("FR-DOUANE", "customs");
        await app.AddAgencyAsync("RH-LUMIERE", "rights-holder");
        await app.RunAsync<VerifyRightsHolder, AgencySummary>(
            h => h.HandleAsync(Actor.Console(), "RH-LUMIERE", "Checked.", default));
        var clients = new Dictionary<string, HttpClient>(StringComparer.Ordinal);
        foreach (var (agency, login, role) in new[]
        {
            ("FR-POLICE", "node.admin", "admin"), ("FR-POLICE", "police.coord", "coordinator"),
            ("FR-DOUANE", "douane.officer", "officer"), ("RH-LUMIERE", "lumiere.brand", "rights-holder"),
            ("FR-POLICE", "police.auditor", "auditor"), ("FR-DOUANE", "douane.revoked", "officer"),
        })
        {
            await app.AddUserAsync(agency, login, role);
            clients[login] = app.ClientWithToken(await app.TokenAsync(login));
        }

        var (police, officer, brand) = (clients["police.coord"], clients["douane.officer"], clients["lumiere.brand"]);
        await SucceedAsync(police.PostAsJsonAsync("/api/v1/documents", new
        {
            documentNumber = "L898902C3",
            issuingState = "UTO",
            documentType = "passport",
            status = "stolen",
        }));
        var sheet = new { brand = "Lumière", name = "Eau de parfum", gtins = new[] { Gtin } };
        var product = await IdOfAsync(await SucceedAsync(brand.PostAsJsonAsync("/api/v1/products", sheet)));
        await SucceedAsync(brand.PostAsync($"/api/v1/products/{product}/publish", null));
        var detained = new { productId = product, quantity = 240, place = "Le Havre" };
        var answered = await IdOfAsync(
            await SucceedAsync(officer.PostAsJsonAsync("/api/v1/authentications", detained)));
        var unanswered = await IdOfAsync(
            await SucceedAsync(officer.PostAsJsonAsync("/api/v1/authentications", detained)));
        await SucceedAsync(brand.PostAsJsonAsync(
            $"/api/v1/authentications/{answered}/reply", new { verdict = "counterfeit", reasons = "No hologram." }));
        var revoked = clients["douane.revoked"];
        var me = await revoked.GetFromJsonAsync<JsonElement>("/api/v1/me");
        var admin = clients["node.admin"];
        await SucceedAsync(admin.DeleteAsync($"/api/v1/tokens/{me.GetProperty("token").GetProperty("id")}"));
        return new ContractWorld(app, admin, police, officer, brand, clients["police.auditor"],
            revoked, product, answered, unanswered);
    }

    private static async Task<HttpResponseMessage> SucceedAsync(Task<HttpResponseMessage> sent)
    {
        var response = await sent;
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return response;
    }

    private static async Task<Guid> IdOfAsync(HttpResponseMessage created) =>
        (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
}
