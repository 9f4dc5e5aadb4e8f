using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Passerelle.Core.Trust.Access;
using Passerelle.Core.Trust.Agencies;
using Passerelle.IntegrationTests.Support;

namespace Passerelle.IntegrationTests.Products;

/// <summary>Barcode lookups are answered from each node's catalogue, which follows every write, on this node at once and on the others by the change sequence.</summary>
public sealed class CatalogueTests
{
    // GS1 General Specifications, section 7.9: valid GTIN-13s.
    private const string Perfume = "6291041500213";
    private const string Lipstick = "4006381333931";

    private static async Task<(HttpClient Brand, HttpClient Officer)> WorldAsync(TestApp app)
    {
        await app.AddAgencyAsync("RH-LUMIERE", "rights-holder");
        await app.AddAgencyAsync("FR-DOUANE", "customs");
        await app.RunAsync<VerifyRightsHolder, AgencySummary>(h => h.HandleAsync(Actor.Console(), "RH-LUMIERE", "Trade-mark register checked.", default));
        await app.AddUserAsync("RH-LUMIERE", "lumiere.brand", "rights-holder");
        await app.AddUserAsync("FR-DOUANE", "douane.officer", "officer");
        return (app.ClientWithToken(await app.TokenAsync("lumiere.brand")), app.ClientWithToken(await app.TokenAsync("douane.officer")));
    }

    private static async Task<Guid> CreateAsync(HttpClient brand, string name, params string[] gtins)
    {
        var response = await brand.PostAsJsonAsync("/api/v1/products", new { brand = "Lumière", name, gtins });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<JsonElement> LookUpAsync(HttpClient officer, string gtin) =>
        await officer.GetFromJsonAsync<JsonElement>($"/api/v1/products/lookup?q={gtin}");

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_new_version_a_moved_GTIN_a_picture_and_a_closed_alert_show_on_the_next_lookup(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var (brand, officer) = await WorldAsync(app);
        var id = await CreateAsync(brand, "Eau de parfum", Perfume, Lipstick);
        Assert.Equal(0, (await LookUpAsync(officer, Perfume)).GetArrayLength());
        (await brand.PostAsync($"/api/v1/products/{id}/publish", null)).EnsureSuccessStatusCode();
        var alert = (await (await brand.PostAsJsonAsync("/api/v1/alerts", new { title = "Fakes by sea", products = new[] { id }, targetCountries = new[] { "FRA" } }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var published = (await LookUpAsync(officer, Perfume))[0];

        (await brand.PutAsJsonAsync($"/api/v1/products/{id}", new { brand = "Lumière", name = "Eau de parfum 50 ml", gtins = new[] { Perfume } })).EnsureSuccessStatusCode();
        var lipstick = await CreateAsync(brand, "Rouge", Lipstick);
        (await brand.PostAsync($"/api/v1/products/{lipstick}/publish", null)).EnsureSuccessStatusCode();
        (await brand.PostAsync($"/api/v1/products/{id}/pictures", new ByteArrayContent(Pictures.Png(32, 32)))).EnsureSuccessStatusCode();
        (await brand.PostAsync($"/api/v1/products/{id}/pictures?counterfeit=true&caption=Printed%20cap", new ByteArrayContent(Pictures.Png(32, 32)))).EnsureSuccessStatusCode();
        (await brand.PostAsync($"/api/v1/alerts/{alert}/close", null)).EnsureSuccessStatusCode();
        var changed = (await LookUpAsync(officer, Perfume))[0];
        var moved = (await LookUpAsync(officer, Lipstick))[0];

        Assert.Equal(("Eau de parfum", 1), (published.GetProperty("name").GetString(), published.GetProperty("alerts").GetArrayLength()));
        Assert.Equal(("Eau de parfum 50 ml", 2, 0), (changed.GetProperty("name").GetString(), changed.GetProperty("version").GetInt32(), changed.GetProperty("alerts").GetArrayLength()));
        Assert.Equal([(false, null), (true, "Printed cap")], changed.GetProperty("pictures").EnumerateArray()
            .Select(p => (p.GetProperty("counterfeit").GetBoolean(), p.GetProperty("caption").GetString())).ToList());
        Assert.Equal(lipstick, moved.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task A_sheet_published_and_an_alert_closed_on_one_node_reach_the_other_node_lookup()
    {
        await using var nodeA = await TestApp.StartAsync(Db.PostgreSql);
        var (brand, _) = await WorldAsync(nodeA);
        await using var nodeB = await TestApp.StartNodeAsync(nodeA);
        var officerOnB = nodeB.ClientWithToken(await nodeB.TokenAsync("douane.officer"));
        Assert.Equal(0, (await LookUpAsync(officerOnB, Perfume)).GetArrayLength());

        var id = await CreateAsync(brand, "Eau de parfum", Perfume);
        (await brand.PostAsync($"/api/v1/products/{id}/publish", null)).EnsureSuccessStatusCode();
        var alert = (await (await brand.PostAsJsonAsync("/api/v1/alerts", new { title = "Fakes by sea", products = new[] { id }, targetCountries = new[] { "FRA" } }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var withAlert = await WaitForAsync(officerOnB, r => r.GetArrayLength() == 1 && r[0].GetProperty("alerts").GetArrayLength() == 1);
        (await brand.PostAsync($"/api/v1/alerts/{alert}/close", null)).EnsureSuccessStatusCode();
        var closed = await WaitForAsync(officerOnB, r => r.GetArrayLength() == 1 && r[0].GetProperty("alerts").GetArrayLength() == 0);

        Assert.True(withAlert, "node B never showed the sheet and its alert");
        Assert.True(closed, "node B kept showing the closed alert");
    }

    /// <summary>Looks the perfume up on the node until <paramref name="done"/>, within a bound no busy machine can miss.</summary>
    private static async Task<bool> WaitForAsync(HttpClient officer, Func<JsonElement, bool> done)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            if (done(await LookUpAsync(officer, Perfume)))
            {
                return true;
            }

            await Task.Delay(50);
        }

        return false;
    }
}
