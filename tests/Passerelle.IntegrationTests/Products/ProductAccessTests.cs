using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Passerelle.Core.Trust.Access;
using Passerelle.Core.Trust.Agencies;
using Passerelle.IntegrationTests.Support;

namespace Passerelle.IntegrationTests.Products;

public sealed class ProductAccessTests
{
    // GS1 Digital Link standard 1.4, section 4 example GTIN.
    private const string Gtin = "09506000134352";

    private sealed record World(TestApp App, HttpClient BrandA, HttpClient BrandB, HttpClient Douane, HttpClient Belgian);

    private static async Task<World> BuildAsync(TestApp app, bool verifyA = true)
    {
        await app.AddAgencyAsync("RH-LUMIERE", "rights-holder");
        await app.AddAgencyAsync("RH-OTHER", "rights-holder");
        await app.AddAgencyAsync("FR-DOUANE", "customs");
        await app.AddAgencyAsync("BE-DOUANE", "customs", "BEL");
        foreach (var code in verifyA ? new[] { "RH-LUMIERE", "RH-OTHER" } : ["RH-OTHER"])
        {
            await app.RunAsync<VerifyRightsHolder, AgencySummary>(h => h.HandleAsync(Actor.Console(), code, "Trademark register checked.", default));
        }

        await app.AddUserAsync("RH-LUMIERE", "lumiere.brand", "rights-holder");
        await app.AddUserAsync("RH-OTHER", "other.brand", "rights-holder");
        await app.AddUserAsync("FR-DOUANE", "douane.officer", "officer");
        await app.AddUserAsync("BE-DOUANE", "be.officer", "officer");
        return new World(app,
            app.ClientWithToken(await app.TokenAsync("lumiere.brand")), app.ClientWithToken(await app.TokenAsync("other.brand")),
            app.ClientWithToken(await app.TokenAsync("douane.officer")), app.ClientWithToken(await app.TokenAsync("be.officer")));
    }

    private static async Task<Guid> CreateAsync(HttpClient brand, string gtin = Gtin)
    {
        var response = await brand.PostAsJsonAsync("/api/v1/products", new
        {
            brand = "Lumière",
            name = "Eau de parfum 50 ml",
            gtins = new[] { gtin },
            hsCode = "330300",
            manufacturingCountries = new[] { "FRA" },
            hotline = "+33 1 00 00 00 00",
            features = new object[]
            {
                new { kind = "overt", description = "Hologram on the cap" },
                new { kind = "covert", description = "UV ink under the label", restricted = true, allowedAgencies = new[] { "FR-DOUANE" } },
                new { kind = "forensic", description = "Taggant in the glass", restricted = true, allowedCountries = new[] { "BEL" } },
            },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_rights_holder_cannot_read_or_change_another_rights_holders_products(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var world = await BuildAsync(app);
        var id = await CreateAsync(world.BrandA);

        Assert.Equal(HttpStatusCode.Forbidden, (await world.BrandB.GetAsync($"/api/v1/products/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await world.BrandB.PutAsJsonAsync($"/api/v1/products/{id}", new { brand = "Fake", name = "Taken over" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await world.BrandB.PostAsync($"/api/v1/products/{id}/publish", null)).StatusCode);
        Assert.Empty((await world.BrandB.GetFromJsonAsync<JsonElement>("/api/v1/products")).EnumerateArray());
        await using var context = app.NewContext();
        Assert.Equal(("Lumière", 1, null), await context.ProductSheets.Select(p => new ValueTuple<string, int, DateTime?>(p.Brand, p.Version, p.PublishedAt)).SingleAsync());
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task An_unverified_rights_holder_cannot_publish_and_officers_never_see_its_draft(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var world = await BuildAsync(app, verifyA: false);
        var id = await CreateAsync(world.BrandA);

        var publish = await world.BrandA.PostAsync($"/api/v1/products/{id}/publish", null);

        Assert.Equal(HttpStatusCode.Forbidden, publish.StatusCode);
        Assert.Contains("verified", (await publish.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty((await world.Douane.GetFromJsonAsync<JsonElement>($"/api/v1/products/lookup?q={Gtin}")).EnumerateArray());
        Assert.Equal(HttpStatusCode.Forbidden, (await world.Douane.GetAsync($"/api/v1/products/{id}")).StatusCode);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task An_officer_sees_only_the_restricted_features_picked_for_its_agency_or_country(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var world = await BuildAsync(app);
        var id = await CreateAsync(world.BrandA);
        (await world.BrandA.PostAsync($"/api/v1/products/{id}/publish", null)).EnsureSuccessStatusCode();

        static IEnumerable<string?> Features(JsonElement product) => product.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("kind").GetString());
        var french = (await world.Douane.GetFromJsonAsync<JsonElement>("/api/v1/products/lookup?q=https://id.gs1.org/01/09506000134352/10/ABC123"))[0];
        var belgian = (await world.Belgian.GetFromJsonAsync<JsonElement>($"/api/v1/products/lookup?q=(01){Gtin}(10)ABC123"))[0];
        var belgianDirect = await world.Belgian.GetFromJsonAsync<JsonElement>($"/api/v1/products/{id}");
        var byWords = (await world.Belgian.GetFromJsonAsync<JsonElement>("/api/v1/products/lookup?q=lumi%C3%A8re"))[0];

        Assert.Equal(["overt", "covert"], Features(french));
        Assert.Equal(["overt", "forensic"], Features(belgian));
        Assert.Equal(["overt", "forensic"], Features(belgianDirect));
        Assert.Equal(["overt", "forensic"], Features(byWords));
        Assert.DoesNotContain("UV ink", belgian.ToString(), StringComparison.Ordinal);
        Assert.False(french.GetProperty("features")[1].TryGetProperty("allowedAgencies", out var shared) && shared.ValueKind != JsonValueKind.Null);
        await using var context = app.NewContext();
        Assert.True(await context.AuditEntries.CountAsync(e => e.Operation == "product.looked-up") >= 4);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_lookup_page_shows_an_officer_the_product_without_the_features_not_shared_with_it(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var world = await BuildAsync(app);
        var id = await CreateAsync(world.BrandA);
        (await world.BrandA.PostAsync($"/api/v1/products/{id}/publish", null)).EnsureSuccessStatusCode();

        async Task<string> PageAsync(string login)
        {
            var browser = new Browserless(app);
            await browser.PostFormAsync("/Account/Login", "/Account/Login", ("login", login), ("password", TestApp.Password));
            return (await browser.GetAsync("/Products/Lookup?q=9506000134352")).Html;
        }

        var french = await PageAsync("douane.officer");
        var belgian = await PageAsync("be.officer");

        Assert.Contains("Eau de parfum 50 ml", french, StringComparison.Ordinal);
        Assert.Contains("UV ink under the label", french, StringComparison.Ordinal);
        Assert.Contains("Eau de parfum 50 ml", belgian, StringComparison.Ordinal);
        Assert.DoesNotContain("UV ink", belgian, StringComparison.Ordinal);
        Assert.Contains("Taggant in the glass", belgian, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_GTIN_with_a_wrong_check_digit_is_a_400_naming_the_expected_digit_and_nothing_is_stored(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var world = await BuildAsync(app);

        var response = await world.BrandA.PostAsJsonAsync("/api/v1/products", new { brand = "Lumière", name = "Bad", gtins = new[] { "09506000134353" } });
        var lookup = await world.Douane.GetAsync("/api/v1/products/lookup?q=6291041500214");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("gtin.check-digit", problem.GetProperty("code").GetString());
        Assert.Contains("should be 2", problem.GetProperty("errors").GetProperty("gtins")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, lookup.StatusCode);
        Assert.Contains("should be 3", (await lookup.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        await using var context = app.NewContext();
        Assert.False(await context.ProductSheets.AnyAsync());
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_GTIN_belongs_to_one_product_sheet(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var world = await BuildAsync(app);
        await CreateAsync(world.BrandA);

        var response = await world.BrandB.PostAsJsonAsync("/api/v1/products", new { brand = "Copycat", name = "Same barcode", gtins = new[] { "9506000134352" } });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }
}
