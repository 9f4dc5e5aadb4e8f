using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Passerelle.Core.Pictures;
using Passerelle.Core.Products;
using Passerelle.Errors;
using Passerelle.Security;

namespace Passerelle.Api.Products;

internal sealed record PhotoLookup(string Barcode, IReadOnlyList<ProductView> Products);

internal static class ProductsApi
{
    /// <summary>5 MB of picture and a little room for a multipart envelope; beyond, the body is refused unread.</summary>
    public const long PictureBodyBytes = UploadLimits.OnePicture;

    public static void MapProductsApi(this IEndpointRouteBuilder api)
    {
        var products = api.MapGroup("/products").WithTags("Genuine products");
        products.MapGet("/lookup", LookUp).WithSummary("Officers: find products by barcode number, GS1 Digital Link, element string, scanner data or words.");
        products.MapGet("/", Mine).WithSummary("A rights holder's own product sheets.");
        products.MapPost("/", Create).WithSummary("A rights holder describes a genuine product (a draft until published).");
        products.MapGet("/{id:guid}", Get).WithSummary("One sheet: all of it for its owner; the published sheet with the features meant for them for an officer.");
        products.MapPut("/{id:guid}", Replace).WithSummary("Replace a sheet's content as a new version (owner only).");
        products.MapPost("/lookup/photo", LookUpPhoto)
            .WithSummary("Officers: send a photo of a barcode (JPEG, PNG or WebP, at most 12 megapixels); "
                + "it is read on the server and looked up.")
            .WithMetadata(new RequestSizeLimitAttribute(PictureBodyBytes));
        products.MapPost("/{id:guid}/pictures", AddPicture).WithSummary("A rights holder adds a picture (JPEG, PNG or WebP by content, at most 5 MB), of the genuine product or, with ?counterfeit=true, of a fake, with an optional ?caption=; it is stored without metadata, with a thumbnail.")
            .WithMetadata(new RequestSizeLimitAttribute(PictureBodyBytes));
        api.MapGet("/pictures/{id:guid}", GetPicture).WithTags("Genuine products").WithSummary("A picture, or its thumbnail with ?thumbnail=true.");
        products.MapPost("/{id:guid}/publish", Publish).WithSummary("Publish a sheet to officers; only a verified rights holder may.");
    }

    private static Task<Results<Ok<IReadOnlyList<ProductView>>, ProblemHttpResult>> LookUp(
        string? q, string? purpose, HttpContext http, LookUpProducts lookUp, CancellationToken ct) =>
        lookUp.HandleAsync(http.Actor(), q, purpose, ct).ToOkAsync();

    private static Task<Results<Ok<IReadOnlyList<ProductView>>, ProblemHttpResult>> Mine(
        HttpContext http, ListOwnProducts list, CancellationToken ct) =>
        list.HandleAsync(http.Actor(), ct).ToOkAsync();

    private static Task<Results<Created<ProductView>, ProblemHttpResult>> Create(
        SaveProductRequest request, HttpContext http, SaveProduct save, CancellationToken ct) =>
        save.HandleAsync(http.Actor(), null, request, ct).ToCreatedAsync(created => $"/api/v1/products/{created.Id}");

    private static Task<Results<Ok<ProductView>, ProblemHttpResult>> Get(
        Guid id, HttpContext http, GetProduct get, CancellationToken ct) =>
        get.HandleAsync(http.Actor(), id, ct).ToOkAsync();

    private static Task<Results<Ok<ProductView>, ProblemHttpResult>> Replace(
        Guid id, SaveProductRequest request, HttpContext http, SaveProduct save, CancellationToken ct) =>
        save.HandleAsync(http.Actor(), id, request, ct).ToOkAsync();

    private static async Task<Results<Ok<PhotoLookup>, ProblemHttpResult>> LookUpPhoto(
        string? purpose, HttpContext http, BarcodePhoto photos, LookUpProducts lookUp, CancellationToken ct)
    {
        var barcode = await photos.DecodeAsync(await ReadBodyAsync(http, ct), ct);
        if (!barcode.Succeeded)
        {
            return barcode.Error.ToProblem();
        }

        return (await lookUp.HandleAsync(http.Actor(), barcode.Value, purpose, ct))
            .ToOk(products => new PhotoLookup(barcode.Value, products));
    }

    private static async Task<Results<Created<PictureView>, ProblemHttpResult>> AddPicture(
        Guid id, bool? counterfeit, string? caption, HttpContext http, ProductPictures pictures, CancellationToken ct)
    {
        var picture = await ReadBodyAsync(http, ct);
        return (await pictures.AddAsync(http.Actor(), id, picture, ct, counterfeit ?? false, caption))
            .ToCreated(created => $"/api/v1/pictures/{created.Id}");
    }

    private static Task<Results<FileContentHttpResult, ProblemHttpResult>> GetPicture(
        Guid id, bool? thumbnail, HttpContext http, ShowPicture show, CancellationToken ct) =>
        show.HandleAsync(http.Actor(), id, thumbnail ?? false, ct)
            .ToHttpAsync(shown => TypedResults.File(shown.Content, shown.Picture.ContentType));

    /// <summary>The picture's bytes, from a multipart form's first file or from the raw body; its type is judged later, by content.</summary>
    internal static async Task<byte[]> ReadBodyAsync(HttpContext http, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        if (http.Request.HasFormContentType)
        {
            var form = await http.Request.ReadFormAsync(ct);
            if (form.Files.Count > 0)
            {
                await form.Files[0].CopyToAsync(buffer, ct);
            }
        }
        else
        {
            await http.Request.Body.CopyToAsync(buffer, ct);
        }

        return buffer.ToArray();
    }

    private static Task<Results<Ok<ProductView>, ProblemHttpResult>> Publish(
        Guid id, HttpContext http, PublishProduct publish, CancellationToken ct) =>
        publish.HandleAsync(http.Actor(), id, ct).ToOkAsync();
}
