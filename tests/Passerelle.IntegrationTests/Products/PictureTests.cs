using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Passerelle.Core.Trust.Access;
using Passerelle.Core.Trust.Agencies;
using Passerelle.IntegrationTests.Support;

namespace Passerelle.IntegrationTests.Products;

public sealed class PictureTests
{
    private static async Task<(TestApp App, HttpClient Brand, HttpClient Officer, Guid Product)> StartAsync(Db db)
    {
        var app = await TestApp.StartAsync(db);
        await app.AddAgencyAsync("RH-LUMIERE", "rights-holder");
        await app.AddAgencyAsync("FR-DOUANE", "customs");
        await app.RunAsync<VerifyRightsHolder, AgencySummary>(h => h.HandleAsync(Actor.Console(), "RH-LUMIERE", "Checked.", default));
        await app.AddUserAsync("RH-LUMIERE", "lumiere.brand", "rights-holder");
        await app.AddUserAsync("FR-DOUANE", "douane.officer", "officer");
        var brand = app.ClientWithToken(await app.TokenAsync("lumiere.brand"));
        var officer = app.ClientWithToken(await app.TokenAsync("douane.officer"));
        var product = (await (await brand.PostAsJsonAsync("/api/v1/products", new { brand = "Lumière", name = "Eau de parfum", gtins = new[] { "6291041500213" } }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await brand.PostAsync($"/api/v1/products/{product}/publish", null)).EnsureSuccessStatusCode();
        return (app, brand, officer, product);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Bad_uploads_are_refused_by_content_and_size_and_nothing_is_stored(Db db)
    {
        var (app, brand, _, product) = await StartAsync(db);
        await using var _ = app;
        var html = new MultipartFormDataContent { { new ByteArrayContent("<html><script>alert(1)</script></html>"u8.ToArray()), "file", "photo.jpg" } };
        var svg = new ByteArrayContent("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"u8.ToArray());
        svg.Headers.ContentType = new("image/svg+xml");
        var huge = new ByteArrayContent(new byte[20 * 1024 * 1024]);
        huge.Headers.ContentType = new("image/jpeg");

        var htmlResponse = await brand.PostAsync($"/api/v1/products/{product}/pictures", html);
        var svgResponse = await brand.PostAsync($"/api/v1/products/{product}/pictures", svg);
        var hugeResponse = await brand.PostAsync($"/api/v1/products/{product}/pictures", huge);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, htmlResponse.StatusCode);
        Assert.Equal("picture.type", (await htmlResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, svgResponse.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, hugeResponse.StatusCode);
        await using var context = app.NewContext();
        Assert.False(await context.Pictures.AnyAsync());
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_small_file_claiming_a_huge_image_is_refused_before_it_is_decoded_and_nothing_is_stored(Db db)
    {
        var (app, brand, officer, product) = await StartAsync(db);
        await using var _ = app;
        var bomb = Pictures.PngClaiming(40_000, 40_000);

        var picture = await brand.PostAsync($"/api/v1/products/{product}/pictures", new ByteArrayContent(bomb));
        var barcode = await officer.PostAsync("/api/v1/products/lookup/photo", new ByteArrayContent(bomb));

        Assert.True(bomb.Length < 100);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, picture.StatusCode);
        Assert.Equal("picture.dimensions", (await picture.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, barcode.StatusCode);
        await using var context = app.NewContext();
        Assert.False(await context.Pictures.AnyAsync());
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_picture_is_stored_without_its_metadata_and_with_a_thumbnail(Db db)
    {
        var (app, brand, officer, product) = await StartAsync(db);
        await using var _ = app;
        var original = Pictures.JpegWithExif();
        Assert.Contains("SecretCam", Encoding.Latin1.GetString(original), StringComparison.Ordinal);

        var response = await brand.PostAsync($"/api/v1/products/{product}/pictures", new ByteArrayContent(original));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var stored = await officer.GetByteArrayAsync($"/api/v1/pictures/{id}");
        var thumbnail = await officer.GetByteArrayAsync($"/api/v1/pictures/{id}?thumbnail=true");
        Assert.DoesNotContain("SecretCam", Encoding.Latin1.GetString(stored), StringComparison.Ordinal);
        Assert.DoesNotContain("Secret Photographer", Encoding.Latin1.GetString(stored), StringComparison.Ordinal);
        using var small = SixLabors.ImageSharp.Image.Load(thumbnail);
        Assert.Equal(320, small.Width);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_photo_of_an_EAN_13_is_decoded_on_the_server_and_the_product_is_found(Db db)
    {
        var (app, _, officer, product) = await StartAsync(db);
        await using var __ = app;

        var response = await officer.PostAsync("/api/v1/products/lookup/photo", new ByteArrayContent(Pictures.Ean13("6291041500213")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("6291041500213", body.GetProperty("barcode").GetString());
        Assert.Equal(product, body.GetProperty("products")[0].GetProperty("id").GetGuid());
    }
}
