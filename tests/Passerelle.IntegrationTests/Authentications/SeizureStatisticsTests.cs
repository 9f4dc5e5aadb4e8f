using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Passerelle.Core.Trust.Access;
using Passerelle.Core.Trust.Agencies;
using Passerelle.IntegrationTests.Support;

namespace Passerelle.IntegrationTests.Authentications;

/// <summary>Seizure statistics stay within the caller's country, and a detention's place and route with its agency.</summary>
public sealed class SeizureStatisticsTests
{
    /// <summary>
    /// One brand's perfume seized twice: 240 bottles by French customs at Le Havre, 10 by German customs at Hamburg.
    /// French police, a French auditor and the brand look on.
    /// </summary>
    private static async Task<TestApp> WorldAsync(Db db)
    {
        var app = await TestApp.StartAsync(db);
        await app.AddAgencyAsync("RH-LUMIERE", "rights-holder");
        await app.AddAgencyAsync("FR-DOUANE", "customs", "FRA");
        await app.AddAgencyAsync("FR-POLICE", "police", "FRA");
        await app.AddAgencyAsync("DE-ZOLL", "customs", "D");
        await app.RunAsync<VerifyRightsHolder, AgencySummary>(
            h => h.HandleAsync(Actor.Console(), "RH-LUMIERE", "Checked.", default));
        await app.AddUserAsync("RH-LUMIERE", "lumiere.brand", "rights-holder");
        await app.AddUserAsync("FR-DOUANE", "douane.officer", "officer");
        await app.AddUserAsync("FR-DOUANE", "douane.auditor", "auditor");
        await app.AddUserAsync("FR-POLICE", "police.officer", "officer");
        await app.AddUserAsync("DE-ZOLL", "zoll.officer", "officer");
        var brand = app.ClientWithToken(await app.TokenAsync("lumiere.brand"));
        var sheet = new { brand = "Lumière", name = "Eau de parfum", gtins = new[] { "6291041500213" }, hsCode = "330300" };
        var created = await brand.PostAsJsonAsync("/api/v1/products", sheet);
        var product = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await brand.PostAsync($"/api/v1/products/{product}/publish", null)).EnsureSuccessStatusCode();
        await SeizeAsync(app, "douane.officer", product, 240, "Le Havre", "Ningbo – Le Havre, sea");
        await SeizeAsync(app, "zoll.officer", product, 10, "Hamburg", "Shenzhen – Hamburg, sea");
        return app;
    }

    private static async Task SeizeAsync(TestApp app, string officer, Guid product, int quantity, string place, string route)
    {
        var client = app.ClientWithToken(await app.TokenAsync(officer));
        var created = await client.PostAsJsonAsync("/api/v1/authentications", new { productId = product, quantity, place, route });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var brand = app.ClientWithToken(await app.TokenAsync("lumiere.brand"));
        var verdict = new { verdict = "counterfeit", reasons = "No hologram." };
        (await brand.PostAsJsonAsync($"/api/v1/authentications/{id}/reply", verdict)).EnsureSuccessStatusCode();
        var outcome = new { outcome = "seized", quantity, estimatedValue = quantity * 80m, currency = "EUR" };
        (await client.PostAsJsonAsync($"/api/v1/authentications/{id}/outcome", outcome)).EnsureSuccessStatusCode();
    }

    private static async Task<JsonElement> StatisticsAsync(TestApp app, string login, params string[] scopes) =>
        await app.ClientWithToken(await app.TokenAsync(login, scopes)).GetFromJsonAsync<JsonElement>("/api/v1/statistics/seizures");

    private static string[] Keys(JsonElement report, string breakdown) =>
        [.. report.GetProperty(breakdown).EnumerateArray().Select(t => t.GetProperty("key").GetString()!)];

    private static long Items(JsonElement report) =>
        report.GetProperty("byBrand").EnumerateArray().Sum(t => t.GetProperty("items").GetInt64());

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task An_officer_of_another_countrys_agency_does_not_see_Frances_seizures(Db db)
    {
        await using var app = await WorldAsync(db);

        var german = await StatisticsAsync(app, "zoll.officer");
        var french = await StatisticsAsync(app, "douane.officer");

        Assert.Equal(10, Items(german));
        Assert.Equal(["Hamburg"], Keys(german, "byPlace"));
        Assert.DoesNotContain("Le Havre", german.ToString(), StringComparison.Ordinal);
        Assert.Equal(240, Items(french));
        Assert.Equal(["Le Havre"], Keys(french, "byPlace"));
        Assert.Equal(["Ningbo – Le Havre, sea"], Keys(french, "byRoute"));
        Assert.True(french.GetProperty("placesOfOwnAgencyOnly").GetBoolean());
        Assert.DoesNotContain("Hamburg", french.ToString(), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task An_officer_of_a_second_French_agency_counts_the_seizure_without_its_place_or_route(Db db)
    {
        await using var app = await WorldAsync(db);

        var police = await StatisticsAsync(app, "police.officer");
        var auditor = await StatisticsAsync(app, "douane.auditor", Scopes.AuditRead);

        Assert.Equal(240, Items(police));
        Assert.Equal(["33"], Keys(police, "byHsChapter"));
        Assert.Single(Keys(police, "byMonth"));
        Assert.Empty(Keys(police, "byPlace"));
        Assert.Empty(Keys(police, "byRoute"));
        Assert.DoesNotContain("Le Havre", police.ToString(), StringComparison.Ordinal);
        Assert.Equal(240, Items(auditor));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_rights_holder_sees_its_own_brands_seizures_in_every_country_it_was_asked_about(Db db)
    {
        await using var app = await WorldAsync(db);

        var brand = await StatisticsAsync(app, "lumiere.brand");

        Assert.Equal(250, Items(brand));
        Assert.Equal(["Le Havre", "Hamburg"], Keys(brand, "byPlace"));
        Assert.False(brand.GetProperty("placesOfOwnAgencyOnly").GetBoolean());
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_token_without_the_needed_scope_is_refused_403(Db db)
    {
        await using var app = await WorldAsync(db);

        foreach (var (login, scope) in new[]
        {
            ("douane.officer", Scopes.DocumentsScreen),
            ("douane.auditor", Scopes.AgenciesRead),
            ("lumiere.brand", Scopes.TokensRead),
        })
        {
            var response = await app.ClientWithToken(await app.TokenAsync(login, scope)).GetAsync("/api/v1/statistics/seizures");
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal("access.denied", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        }
    }
}
