using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Passerelle.Core.Trust.Access;
using Passerelle.IntegrationTests.Support;

namespace Passerelle.IntegrationTests.TravelDocuments;

/// <summary>
/// French police owns records; French customs screens at the border; Belgian police is another owner.
/// </summary>
public sealed class RegisterWorld
{
    private RegisterWorld(TestApp app) => App = app;

    public TestApp App { get; }

    public HttpClient PoliceCoordinator { get; private set; } = null!;

    public HttpClient CustomsOfficer { get; private set; } = null!;

    public HttpClient Airline { get; private set; } = null!;

    public HttpClient OtherCoordinator { get; private set; } = null!;

    public static async Task<RegisterWorld> BuildAsync(TestApp app)
    {
        await app.AddAgencyAsync("FR-POLICE", "police");
        await app.AddAgencyAsync("FR-DOUANE", "customs");
        await app.AddAgencyAsync("BE-POLICE", "police", "BEL");
        await app.AddUserAsync("FR-POLICE", "police.coord", "coordinator");
        await app.AddUserAsync("FR-DOUANE", "douane.officer", "officer");
        await app.AddUserAsync("FR-DOUANE", "airline.gate", "officer");
        await app.AddUserAsync("BE-POLICE", "be.coord", "coordinator");
        return new RegisterWorld(app)
        {
            PoliceCoordinator = app.ClientWithToken(await app.TokenAsync("police.coord")),
            CustomsOfficer = app.ClientWithToken(await app.TokenAsync("douane.officer", "documents:screen",
                "notifications:read")),
            Airline = app.ClientWithToken(await app.TokenAsync("airline.gate", "documents:screen-minimal")),
            OtherCoordinator = app.ClientWithToken(await app.TokenAsync("be.coord")),
        };
    }

    public async Task<Guid> RegisterAsync(string number, string state = "UTO", string type = "passport",
        string status = "stolen", HttpClient? owner = null)
    {
        var response = await (owner ?? PoliceCoordinator).PostAsJsonAsync("/api/v1/documents", new
        {
            documentNumber = number,
            issuingState = state,
            documentType = type,
            status,
            theftOrLossOn = "2026-10-01",
            holderName = "ERIKSSON ANNA MARIA",
            holderBirthDate = "1974-08-12",
            nationalReference = "PV-2026-0042",
        });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>French police's coordinator, who owns the records, acting directly as the pages would.</summary>
    public static async Task<Actor> OwnerActorAsync(TestApp app)
    {
        await using var context = app.NewContext();
        var user = await context.Users.SingleAsync(u => u.UserName == "police.coord");
        return new Actor(user.Id, "police.coord", user.AgencyId, "FR-POLICE",
            new HashSet<string>(StringComparer.Ordinal) { Roles.Coordinator });
    }

    /// <summary>Imports the CSV as French police's coordinator; the import's report.</summary>
    public async Task<JsonElement> ImportAsync(string csv)
    {
        var response = await PoliceCoordinator.PostAsync("/api/v1/documents/import",
            new StringContent(csv, System.Text.Encoding.UTF8, "text/csv"));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<JsonElement> ScreenAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/v1/documents/screen", body);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
