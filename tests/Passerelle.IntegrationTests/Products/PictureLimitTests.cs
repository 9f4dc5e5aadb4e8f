using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Passerelle.Core.Pictures;
using Passerelle.Core.Trust.Access;
using Passerelle.Core.Trust.Agencies;
using Passerelle.IntegrationTests.Support;

namespace Passerelle.IntegrationTests.Products;

/// <summary>Barcode photos are capped and shrunk; picture work waits for a free slot or is told to come back.</summary>
public sealed class PictureLimitTests
{
    private const string Gtin = "6291041500213";

    private static async Task<(TestApp App, HttpClient Officer, Guid Product)> StartAsync(
        Db db, IDictionary<string, string?>? extra = null)
    {
        var app = await TestApp.StartAsync(db, extra);
        await app.AddAgencyAsync("RH-LUMIERE", "rights-holder");
        await app.AddAgencyAsync("FR-DOUANE", "customs");
        await app.RunAsync<VerifyRightsHolder, AgencySummary>(
            h => h.HandleAsync(Actor.Console(), "RH-LUMIERE", "Checked.", default));
        await app.AddUserAsync("RH-LUMIERE", "lumiere.brand", "rights-holder");
        await app.AddUserAsync("FR-DOUANE", "douane.officer", "officer");
        var brand = app.ClientWithToken(await app.TokenAsync("lumiere.brand"));
        var sheet = new { brand = "Lumière", name = "Eau de parfum", gtins = new[] { Gtin } };
        var created = await brand.PostAsJsonAsync("/api/v1/products", sheet);
        var product = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await brand.PostAsync($"/api/v1/products/{product}/publish", null)).EnsureSuccessStatusCode();
        return (app, app.ClientWithToken(await app.TokenAsync("douane.officer")), product);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_barcode_photo_whose_header_claims_16_megapixels_is_refused_before_it_is_decoded(Db db)
    {
        var (app, officer, _) = await StartAsync(db);
        await using var __ = app;
        // 4,000 × 4,000 is within the 50 megapixels a product picture may have, but not a barcode photo's 12.
        var bomb = Pictures.PngClaiming(4000, 4000);

        var response = await officer.PostAsync("/api/v1/products/lookup/photo", new ByteArrayContent(bomb));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("picture.dimensions", problem.GetProperty("code").GetString());
        Assert.Contains("4000 × 4000", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_large_but_allowed_barcode_photo_is_shrunk_and_still_read(Db db)
    {
        var (app, officer, product) = await StartAsync(db);
        await using var __ = app;
        // About 11 megapixels: under the cap, and read at 2,048 pixels on its long side.
        var photo = Pictures.Ean13(Gtin, 4000, 2800);
        using (var info = SixLabors.ImageSharp.Image.Load(photo))
        {
            Assert.InRange((long)info.Width * info.Height, 8_000_000, BarcodePhoto.MaxPixels);
        }

        var response = await officer.PostAsync("/api/v1/products/lookup/photo", new ByteArrayContent(photo));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(Gtin, body.GetProperty("barcode").GetString());
        Assert.Equal(product, body.GetProperty("products")[0].GetProperty("id").GetGuid());
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task When_every_picture_slot_is_taken_a_photo_is_answered_503_with_retry_after_and_later_served(Db db)
    {
        var (app, officer, product) = await StartAsync(db, new Dictionary<string, string?>
        {
            ["Pictures:MaxConcurrent"] = "1",
            ["Pictures:WaitMilliseconds"] = "100",
        });
        await using var __ = app;
        var work = app.Services.GetRequiredService<ImageWork>();
        var gate = new TaskCompletionSource();
        // Holds the one slot, as a slow decoding in another request would.
        var held = work.RunAsync<int>(async () =>
        {
            await gate.Task;
            return 0;
        }, CancellationToken.None);

        var busy = await officer.PostAsync("/api/v1/products/lookup/photo", new ByteArrayContent(Pictures.Ean13(Gtin)));
        var busyPicture = await app.ClientWithToken(await app.TokenAsync("lumiere.brand"))
            .PostAsync($"/api/v1/products/{product}/pictures", new ByteArrayContent(Pictures.Png(64, 64)));
        gate.SetResult();
        Assert.True((await held).Succeeded);

        foreach (var refused in new[] { busy, busyPicture })
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.Equal(TimeSpan.FromSeconds(2), refused.Headers.RetryAfter?.Delta);
            var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("pictures.busy", problem.GetProperty("code").GetString());
        }

        var served = await officer.PostAsync(
            "/api/v1/products/lookup/photo", new ByteArrayContent(Pictures.Ean13(Gtin)));
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        await using var context = app.NewContext();
        Assert.Empty(context.Pictures);
    }
}
