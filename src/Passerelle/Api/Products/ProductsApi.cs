using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Passerelle.Api.Contract;
using Passerelle.Core.Common;
using Passerelle.Core.Pictures;
using Passerelle.Core.Products;
using Passerelle.Core.Standards;
using Passerelle.Errors;
using Passerelle.Security;

namespace Passerelle.Api.Products;

internal sealed record PhotoLookup(string Barcode, IReadOnlyList<ProductView> Products);

internal static class ProductsApi
{
    /// <summary>
    /// 5 MB of picture and a little room for a multipart envelope; beyond, the body is refused unread.
    /// </summary>
    public const long PictureBodyBytes = UploadLimits.OnePicture;

    /// <summary>What <see cref="LookUpProducts"/> refuses: no query, too long a one, or a barcode that fails.</summary>
    private static readonly ErrorCode[] LookedUp =
        [ProductErrors.Query, ProductErrors.GtinTooLong, .. Gs1Errors.All];

    /// <summary>What <see cref="SaveProduct"/> checks of a sheet, new or replaced.</summary>
    private static readonly ErrorCode[] Described =
    [
        ProductErrors.Brand, ProductErrors.Name, ProductErrors.HsCode, ProductErrors.Country, ProductErrors.Text,
        Gs1Errors.GtinCheckDigit, ProductErrors.FeatureKind, ProductErrors.FeatureText, ProductErrors.FeatureCountry,
        ProductErrors.GtinClaimed,
    ];

    public static void MapProductsApi(this IEndpointRouteBuilder api)
    {
        var products = api.MapGroup("/products").WithTags("Products");
        products.MapGet("/lookup", LookUp).Documented("LookUpProducts", "Look up products",
            "By barcode number (GTIN-8/12/13/14), GS1 Digital Link, element string, raw scanner data or words: "
            + "published sheets only, with the features meant for the caller's agency or country. Officers, "
            + "investigators and coordinators (`products:lookup`). Audited as a consultation, with its `purpose`.")
            .ProducesErrors(LookedUp);
        products.MapGet("/", Mine).Documented("ListOwnProducts", "List own product sheets",
            "A rights holder's own sheets, drafts included (`products:write`).");
        products.MapPost("/", Create).Documented("CreateProduct", "Describe a product",
            "A rights holder describes a genuine product, how to tell a fake and whom to call: a draft until "
            + "published (`products:write`). Audited.")
            .ProducesErrors(Described);
        products.MapGet("/{id:guid}", Get).Documented("GetProduct", "Get a product sheet",
            "All of it for its owner (`products:write`); for officers, investigators and coordinators "
            + "(`products:lookup`), the published sheet with the features meant for them, audited as a consultation.")
            .ProducesErrors(ProductErrors.NotFound);
        products.MapPut("/{id:guid}", Replace).Documented("ReplaceProduct", "Replace a product sheet",
            "Its content, as a new version. The owner only (`products:write`). Audited.")
            .ProducesErrors([ProductErrors.NotFound, .. Described]);
        products.MapPost("/lookup/photo", LookUpPhoto).Documented("LookUpBarcodePhoto", "Look up a barcode photo",
            "A photo of a barcode (EAN/UPC, GS1-128, DataMatrix, QR Digital Link), at most 12 megapixels, read on "
            + "the server and then looked up. The same callers and audit as a look-up.")
            .WithMetadata(new RequestSizeLimitAttribute(PictureBodyBytes)).AcceptsPicture()
            .ProducesErrors([PictureErrors.BarcodeNotFound, .. LookedUp]);
        products.MapPost("/{id:guid}/pictures", AddPicture).Documented("AddProductPicture", "Add a picture",
            "A picture of the genuine product or, with `?counterfeit=true`, of a fake, with an optional "
            + "`?caption=`: at most 5 MB and 50 megapixels, stored without metadata, with a thumbnail. The sheet's "
            + "owner only (`products:write`). Audited.")
            .WithMetadata(new RequestSizeLimitAttribute(PictureBodyBytes)).AcceptsPicture()
            .ProducesErrors(ProductErrors.NotFound, PictureErrors.Caption);
        api.MapGet("/pictures/{id:guid}", GetPicture).WithTags("Products")
            .ProducesErrors(PictureErrors.NotFound, PictureErrors.Missing)
            .ProducesPicture().Documented("ShowPicture", "Get a picture",
                "A picture, or its 320-pixel thumbnail with `?thumbnail=true`: a sheet's for its owner and, once "
                + "published, for officers; detained goods' for the detaining agency and the rights holder asked, "
                + "each view audited.");
        products.MapPost("/{id:guid}/publish", Publish).Documented("PublishProduct", "Publish a sheet",
            "Shows the sheet to officers. Its owner, once an administrator has verified the rights holder "
            + "(`products:write`). Audited.")
            .ProducesErrors(ProductErrors.NotFound);
    }

    private static Task<Results<Ok<IReadOnlyList<ProductView>>, ProblemHttpResult>> LookUp(
        string? q, string? purpose, HttpContext http, LookUpProducts lookUp, CancellationToken ct) =>
        lookUp.HandleAsync(http.Actor(), q, purpose, ct).ToOkAsync();

    private static Task<Results<Ok<IReadOnlyList<ProductView>>, ProblemHttpResult>> Mine(
        HttpContext http, ListOwnProducts list, CancellationToken ct) =>
        list.HandleAsync(http.Actor(), ct).ToOkAsync();

    private static Task<Results<Created<ProductView>, ProblemHttpResult>> Create(
        SaveProductRequest request, HttpContext http, SaveProduct save, CancellationToken ct) =>
        save.HandleAsync(http.Actor(), null, request, ct)
            .ToCreatedAsync(created => $"/api/v1/products/{created.Id}");

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

    /// <summary>
    /// The picture's bytes, from a multipart form's first file or from the raw body; its type is judged later, by
    /// content.
    /// </summary>
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
