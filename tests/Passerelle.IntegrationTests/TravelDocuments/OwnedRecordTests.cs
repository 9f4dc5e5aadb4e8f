using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Passerelle.IntegrationTests.Support;

namespace Passerelle.IntegrationTests.TravelDocuments;

/// <summary>
/// Only the agency that owns a record changes or withdraws it, with a history and a tombstone, and registers it
/// once.
/// </summary>
public sealed class OwnedRecordTests
{
    // ICAO Doc 9303 Part 4, Appendix A: the TD3 specimen passport, document L898902C3.
    private const string Eriksson =
        "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10";

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Another_agency_cannot_change_or_delete_a_record(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var world = await RegisterWorld.BuildAsync(app);
        var id = await world.RegisterAsync("L898902C3");

        var patch = await world.OtherCoordinator.PatchAsJsonAsync($"/api/v1/documents/{id}", new { status = "lost" });
        var delete = await world.OtherCoordinator.DeleteAsync($"/api/v1/documents/{id}?reason=mine");
        var read = await world.OtherCoordinator.GetAsync($"/api/v1/documents/{id}");

        Assert.Equal(HttpStatusCode.Forbidden, patch.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        await using var context = app.NewContext();
        var record = await context.TravelDocuments.SingleAsync();
        Assert.Equal((Core.TravelDocuments.DocumentStatus.Stolen, 1, null),
            (record.Status, record.Version, record.DeletedAt));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_owner_changes_and_deletes_with_a_history_and_a_tombstone(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var world = await RegisterWorld.BuildAsync(app);
        var id = await world.RegisterAsync("L898902C3");

        (await world.PoliceCoordinator.PatchAsJsonAsync($"/api/v1/documents/{id}",
            new { status = "lost", remarks = "Reported at the embassy." })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.BadRequest,
            (await world.PoliceCoordinator.DeleteAsync($"/api/v1/documents/{id}")).StatusCode);
        (await world.PoliceCoordinator.DeleteAsync($"/api/v1/documents/{id}?reason=Entered%20twice"))
            .EnsureSuccessStatusCode();

        var detail = await world.PoliceCoordinator.GetFromJsonAsync<JsonElement>($"/api/v1/documents/{id}");
        Assert.Equal("Entered twice", detail.GetProperty("record").GetProperty("deletionReason").GetString());
        Assert.Equal(["created", "changed", "deleted"],
            detail.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("kind").GetString()));
        Assert.Equal("clear",
            (await RegisterWorld.ScreenAsync(world.CustomsOfficer,
                new { mrz = Eriksson, purpose = "border-check" })).GetProperty("result").GetString());
        Assert.Equal(HttpStatusCode.Created, (await world.PoliceCoordinator.PostAsJsonAsync("/api/v1/documents",
            new
            {
                documentNumber = "L898902C3",
                issuingState = "UTO",
                documentType = "passport",
                status = "stolen"
            })).StatusCode);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_duplicate_is_a_409_naming_the_existing_record(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var world = await RegisterWorld.BuildAsync(app);
        var id = await world.RegisterAsync("L898902C3");

        var response = await world.PoliceCoordinator.PostAsJsonAsync("/api/v1/documents",
            new { documentNumber = "l898 902-c3", issuingState = "uto", documentType = "passport", status = "lost" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("document.duplicate", problem.GetProperty("code").GetString());
        Assert.Contains(id.ToString(), problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
