using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Passerelle.Core.TravelDocuments;
using Passerelle.Core.Trust.Access;
using Passerelle.IntegrationTests.Support;

namespace Passerelle.IntegrationTests.TravelDocuments;

public sealed class ReviewAndPurgeTests
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Past_its_review_date_a_record_leaves_screening_and_past_the_grace_period_it_is_purged(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var world = await RegisterWorld.BuildAsync(app);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        foreach (var (number, review) in new[] { ("OLD000001", today.AddDays(-100)), ("OLD000002", today.AddDays(-10)), ("NEW000003", today.AddYears(10)) })
        {
            (await world.PoliceCoordinator.PostAsJsonAsync("/api/v1/documents",
                new { documentNumber = number, issuingState = "FRA", documentType = "passport", status = "stolen", reportedOn = "2015-01-01", reviewOn = review })).EnsureSuccessStatusCode();
        }

        async Task<string?> ScreenAsync(string number) =>
            (await RegisterWorld.ScreenAsync(world.CustomsOfficer, new { documentNumber = number, issuingState = "FRA", purpose = "border-check" })).GetProperty("result").GetString();

        Assert.Equal(["clear", "clear", "hit"], [await ScreenAsync("OLD000001"), await ScreenAsync("OLD000002"), await ScreenAsync("NEW000003")]);

        var purged = await app.RunAsync<PurgeRegister, int>(h => h.HandleAsync(Actor.Console(), default));

        Assert.Equal(1, purged);
        await using var context = app.NewContext();
        Assert.Equal(["NEW000003", "OLD000002"], (await context.TravelDocuments.Select(d => d.NormalizedNumber).ToListAsync()).Order(StringComparer.Ordinal));
        var entry = await context.AuditEntries.SingleAsync(e => e.Operation == "document.purged");
        Assert.Contains("\"reviewBefore\":", entry.Details, StringComparison.Ordinal);
    }

    /// <summary>The index's loader asks the database by the same definition of screenable as a screening does.</summary>
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task At_start_up_a_node_loads_only_live_records_not_yet_past_their_review_date(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var world = await RegisterWorld.BuildAsync(app);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await world.RegisterAsync("LIVE00001");
        var deleted = await world.RegisterAsync("GONE00001");
        (await world.PoliceCoordinator.DeleteAsync($"/api/v1/documents/{deleted}?reason=Entered%20in%20error"))
            .EnsureSuccessStatusCode();
        (await world.PoliceCoordinator.PostAsJsonAsync("/api/v1/documents", new
        {
            documentNumber = "PAST00001",
            issuingState = "FRA",
            documentType = "passport",
            status = "stolen",
            reportedOn = "2015-01-01",
            reviewOn = today.AddDays(-1),
        })).EnsureSuccessStatusCode();

        await using var scope = app.Services.CreateAsyncScope();
        var loaded = await scope.ServiceProvider.GetRequiredService<FollowRegister>().LoadAsync(default);

        Assert.Equal(1, loaded);
    }
}
