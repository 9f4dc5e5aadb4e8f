using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Passerelle.Core.Trust.Access;
using Passerelle.Core.Trust.Agencies;
using Passerelle.IntegrationTests.Support;

namespace Passerelle.IntegrationTests.Alerts;

public sealed class AlertTests
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task An_alert_reaches_the_picked_countrys_officers_on_lookup_and_by_container_and_no_one_else(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        await app.AddAgencyAsync("RH-LUMIERE", "rights-holder");
        await app.AddAgencyAsync("RH-OTHER", "rights-holder");
        await app.AddAgencyAsync("FR-DOUANE", "customs");
        await app.AddAgencyAsync("BE-DOUANE", "customs", "BEL");
        foreach (var code in new[] { "RH-LUMIERE", "RH-OTHER" })
        {
            await app.RunAsync<VerifyRightsHolder, AgencySummary>(h => h.HandleAsync(Actor.Console(), code, "Checked.", default));
        }

        await app.AddUserAsync("RH-LUMIERE", "lumiere.brand", "rights-holder");
        await app.AddUserAsync("RH-OTHER", "other.brand", "rights-holder");
        await app.AddUserAsync("FR-DOUANE", "douane.officer", "officer");
        await app.AddUserAsync("BE-DOUANE", "be.officer", "officer");
        var brand = app.ClientWithToken(await app.TokenAsync("lumiere.brand"));
        var other = app.ClientWithToken(await app.TokenAsync("other.brand"));
        var french = app.ClientWithToken(await app.TokenAsync("douane.officer"));
        var belgian = app.ClientWithToken(await app.TokenAsync("be.officer"));
        var product = await (await brand.PostAsJsonAsync("/api/v1/products", new { brand = "Lumière", name = "Eau de parfum", gtins = new[] { "6291041500213" } })).Content.ReadFromJsonAsync<JsonElement>();
        var productId = product.GetProperty("id").GetGuid();
        (await brand.PostAsync($"/api/v1/products/{productId}/publish", null)).EnsureSuccessStatusCode();

        var created = await brand.PostAsJsonAsync("/api/v1/alerts", new
        {
            title = "Counterfeit perfume via Le Havre",
            products = new[] { productId },
            transportMode = "sea",
            containers = new[] { "csqu 3054383" },
            consignee = "Import Export SARL",
            confidence = "high",
            targetCountries = new[] { "FRA" },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var alertId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var lookup = (await french.GetFromJsonAsync<JsonElement>("/api/v1/products/lookup?q=6291041500213"))[0];
        Assert.Equal(alertId, lookup.GetProperty("alerts")[0].GetProperty("id").GetGuid());
        Assert.Single((await french.GetFromJsonAsync<JsonElement>("/api/v1/alerts?container=CSQU3054383")).EnumerateArray());
        Assert.Empty((await belgian.GetFromJsonAsync<JsonElement>("/api/v1/alerts?container=CSQU3054383")).EnumerateArray());
        Assert.Empty((await belgian.GetFromJsonAsync<JsonElement>("/api/v1/products/lookup?q=6291041500213"))[0].GetProperty("alerts").EnumerateArray());
        Assert.Empty((await other.GetFromJsonAsync<JsonElement>("/api/v1/alerts")).EnumerateArray());
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsync($"/api/v1/alerts/{alertId}/close", null)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await french.GetAsync("/api/v1/alerts?container=CSQU3054384")).StatusCode);

        (await brand.PostAsync($"/api/v1/alerts/{alertId}/close", null)).EnsureSuccessStatusCode();
        Assert.Empty((await french.GetFromJsonAsync<JsonElement>("/api/v1/alerts?container=CSQU3054383")).EnumerateArray());
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task An_alert_with_a_bad_container_number_is_refused_naming_the_digit(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        await app.AddAgencyAsync("RH-LUMIERE", "rights-holder");
        await app.RunAsync<VerifyRightsHolder, AgencySummary>(h => h.HandleAsync(Actor.Console(), "RH-LUMIERE", "Checked.", default));
        await app.AddUserAsync("RH-LUMIERE", "lumiere.brand", "rights-holder");
        var brand = app.ClientWithToken(await app.TokenAsync("lumiere.brand"));

        var response = await brand.PostAsJsonAsync("/api/v1/alerts", new { title = "Bad", containers = new[] { "CSQU3054384" }, targetCountries = new[] { "FRA" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("should be 3", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("containers")[0].GetString(), StringComparison.Ordinal);
    }
}
