using Microsoft.AspNetCore.Http.HttpResults;
using Passerelle.Core.Products;
using Passerelle.Errors;
using Passerelle.Security;

namespace Passerelle.Api.Products;

internal static class ProductsApi
{
    public static void MapProductsApi(this IEndpointRouteBuilder api)
    {
        var products = api.MapGroup("/products").WithTags("Genuine products");
        products.MapGet("/lookup", LookUp).WithSummary("Officers: find products by barcode number, GS1 Digital Link, element string, scanner data or words.");
        products.MapGet("/", Mine).WithSummary("A rights holder's own product sheets.");
        products.MapPost("/", Create).WithSummary("A rights holder describes a genuine product (a draft until published).");
        products.MapGet("/{id:guid}", Get).WithSummary("One sheet: all of it for its owner; the published sheet with the features meant for them for an officer.");
        products.MapPut("/{id:guid}", Replace).WithSummary("Replace a sheet's content as a new version (owner only).");
        products.MapPost("/{id:guid}/publish", Publish).WithSummary("Publish a sheet to officers; only a verified rights holder may.");
    }

    private static async Task<Results<Ok<IReadOnlyList<ProductView>>, ProblemHttpResult>> LookUp(string? q, string? purpose, HttpContext http, FindProducts find, CancellationToken ct)
    {
        var result = await find.LookUpAsync(http.Actor(), q, purpose, ct);
        return result.Succeeded ? TypedResults.Ok(result.Value) : result.Error!.ToProblem();
    }

    private static async Task<Results<Ok<IReadOnlyList<ProductView>>, ProblemHttpResult>> Mine(HttpContext http, FindProducts find, CancellationToken ct)
    {
        var result = await find.MineAsync(http.Actor(), ct);
        return result.Succeeded ? TypedResults.Ok(result.Value) : result.Error!.ToProblem();
    }

    private static async Task<Results<Created<ProductView>, ProblemHttpResult>> Create(SaveProductRequest request, HttpContext http, SaveProduct save, CancellationToken ct)
    {
        var result = await save.HandleAsync(http.Actor(), null, request, ct);
        return result.Succeeded ? TypedResults.Created($"/api/v1/products/{result.Value!.Id}", result.Value) : result.Error!.ToProblem();
    }

    private static async Task<Results<Ok<ProductView>, ProblemHttpResult>> Get(Guid id, HttpContext http, FindProducts find, CancellationToken ct)
    {
        var result = await find.GetAsync(http.Actor(), id, ct);
        return result.Succeeded ? TypedResults.Ok(result.Value) : result.Error!.ToProblem();
    }

    private static async Task<Results<Ok<ProductView>, ProblemHttpResult>> Replace(Guid id, SaveProductRequest request, HttpContext http, SaveProduct save, CancellationToken ct)
    {
        var result = await save.HandleAsync(http.Actor(), id, request, ct);
        return result.Succeeded ? TypedResults.Ok(result.Value) : result.Error!.ToProblem();
    }

    private static async Task<Results<Ok<ProductView>, ProblemHttpResult>> Publish(Guid id, HttpContext http, PublishProduct publish, CancellationToken ct)
    {
        var result = await publish.HandleAsync(http.Actor(), id, ct);
        return result.Succeeded ? TypedResults.Ok(result.Value) : result.Error!.ToProblem();
    }
}
