using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Passerelle.IntegrationTests.Support;

namespace Passerelle.IntegrationTests.TravelDocuments;

/// <summary>Two Passerelle nodes on one PostgreSQL database, each with its own in-memory index.</summary>
public sealed class TwoNodeTests
{
    [Fact]
    public async Task A_record_registered_on_one_node_is_a_hit_on_the_other_within_2_s_and_clear_after_deletion()
    {
        await using var nodeA = await TestApp.StartAsync(Db.PostgreSql);
        var world = await RegisterWorld.BuildAsync(nodeA);
        await using var nodeB = await TestApp.StartNodeAsync(nodeA);
        var officerOnB = nodeB.ClientWithToken(await nodeB.TokenAsync("douane.officer", "documents:screen"));
        var query = new { documentNumber = "L898902C3", issuingState = "UTO", purpose = "border-check" };
        Assert.Equal("clear", (await RegisterWorld.ScreenAsync(officerOnB, query)).GetProperty("result").GetString());

        var id = await world.RegisterAsync("L898902C3");
        var registered = await WaitForAsync(officerOnB, query, "hit");
        (await world.PoliceCoordinator.DeleteAsync($"/api/v1/documents/{id}?reason=Entered%20in%20error")).EnsureSuccessStatusCode();
        var deleted = await WaitForAsync(officerOnB, query, "clear");

        Assert.True(registered < TimeSpan.FromSeconds(2), $"the hit reached node B after {registered.TotalMilliseconds} ms");
        Assert.True(deleted < TimeSpan.FromSeconds(2), $"the deletion reached node B after {deleted.TotalMilliseconds} ms");
    }

    /// <summary>Screens on the node until the expected result or 5 s; returns how long it took.</summary>
    private static async Task<TimeSpan> WaitForAsync(HttpClient client, object query, string expected)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var response = await client.PostAsJsonAsync("/api/v1/documents/screen", query);
            var result = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("result").GetString();
            if (result == expected || clock.Elapsed > TimeSpan.FromSeconds(5))
            {
                return result == expected ? clock.Elapsed : TimeSpan.MaxValue;
            }

            await Task.Delay(50);
        }
    }
}
