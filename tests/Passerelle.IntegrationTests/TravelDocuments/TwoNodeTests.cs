using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Passerelle.IntegrationTests.Support;

namespace Passerelle.IntegrationTests.TravelDocuments;

/// <summary>
/// Two Passerelle nodes on one PostgreSQL database, each with its own in-memory index. How soon a change reaches the
/// other node (the 2-second goal) is measured in <c>bench/follow.sh</c>; a test only says that it does, within a bound
/// no busy machine can miss, because a timed assertion fails by chance.
/// </summary>
public sealed class TwoNodeTests
{
    [Fact]
    public async Task A_record_registered_on_one_node_becomes_a_hit_on_the_other_and_clear_again_after_deletion()
    {
        await using var nodeA = await TestApp.StartAsync(Db.PostgreSql);
        var world = await RegisterWorld.BuildAsync(nodeA);
        await using var nodeB = await TestApp.StartNodeAsync(nodeA);
        var officerOnB = nodeB.ClientWithToken(await nodeB.TokenAsync("douane.officer", "documents:screen"));
        var query = new { documentNumber = "L898902C3", issuingState = "UTO", purpose = "border-check" };
        Assert.Equal("clear", (await RegisterWorld.ScreenAsync(officerOnB, query)).GetProperty("result").GetString());

        var id = await world.RegisterAsync("L898902C3");
        Assert.True(await EventuallyAsync(officerOnB, query, "hit"), "the record never reached node B");
        (await world.PoliceCoordinator.DeleteAsync($"/api/v1/documents/{id}?reason=Entered%20in%20error")).EnsureSuccessStatusCode();
        Assert.True(await EventuallyAsync(officerOnB, query, "clear"), "the deletion never reached node B");
    }

    /// <summary>Screens on the node until the expected result, within a generous bound.</summary>
    private static async Task<bool> EventuallyAsync(HttpClient client, object query, string expected)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            var response = await client.PostAsJsonAsync("/api/v1/documents/screen", query);
            if ((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("result").GetString() == expected)
            {
                return true;
            }

            await Task.Delay(50);
        }

        return false;
    }
}
