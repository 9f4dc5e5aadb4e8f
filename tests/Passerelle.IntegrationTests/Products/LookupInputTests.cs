using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Passerelle.IntegrationTests.Support;

namespace Passerelle.IntegrationTests.Products;

/// <summary>What a lookup says about a value no barcode can be.</summary>
public sealed class LookupInputTests
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Two_scans_glued_together_are_refused_as_too_many_digits_while_one_scan_still_looks_up(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        await app.AddAgencyAsync("FR-DOUANE");
        await app.AddUserAsync("FR-DOUANE", "douane.officer", "officer");
        using var officer = app.ClientWithToken(await app.TokenAsync("douane.officer"));

        var glued = await officer.GetAsync("/api/v1/products/lookup?q=40063813339316291041500213");
        var one = await officer.GetAsync("/api/v1/products/lookup?q=4006381333931");

        Assert.Equal(HttpStatusCode.BadRequest, glued.StatusCode);
        var problem = await glued.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("gtin.too-long", problem.GetProperty("code").GetString());
        var beside = problem.GetProperty("errors").GetProperty("q")[0].GetString();
        Assert.Contains("Scan one barcode at a time", beside, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        Assert.Equal(0, (await one.Content.ReadFromJsonAsync<JsonElement>()).GetArrayLength());
    }
}
