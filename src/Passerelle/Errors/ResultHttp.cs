using Microsoft.AspNetCore.Http.HttpResults;
using Passerelle.Core.Common;

namespace Passerelle.Errors;

/// <summary>
/// A Core result as an HTTP answer, written once for every route: the success as the route's typed result, an
/// expected failure as ProblemDetails. The typed <see cref="Results{TResult1, TResult2}"/> stays in each route's
/// signature, because the OpenAPI document is generated from it.
/// </summary>
internal static class ResultHttp
{
    public static Results<TSuccess, ProblemHttpResult> ToHttp<T, TSuccess>(
        this Result<T> result, Func<T, TSuccess> success)
        where TSuccess : IResult =>
        result.Succeeded ? success(result.Value) : result.Error.ToProblem();

    public static Results<Ok<T>, ProblemHttpResult> ToOk<T>(this Result<T> result) =>
        result.ToHttp(value => TypedResults.Ok(value));

    public static Results<Ok<TBody>, ProblemHttpResult> ToOk<T, TBody>(this Result<T> result, Func<T, TBody> map) =>
        result.ToHttp(value => TypedResults.Ok(map(value)));

    /// <summary>201 with the created resource as the body and its address, built from it, as the Location.</summary>
    public static Results<Created<T>, ProblemHttpResult> ToCreated<T>(
        this Result<T> result, Func<T, string> location) =>
        result.ToHttp(value => TypedResults.Created(location(value), value));

    public static Results<NoContent, ProblemHttpResult> ToNoContent<T>(this Result<T> result) =>
        result.ToHttp(_ => TypedResults.NoContent());

    public static async Task<Results<Ok<T>, ProblemHttpResult>> ToOkAsync<T>(this Task<Result<T>> pending) =>
        (await pending).ToOk();

    public static async Task<Results<Ok<TBody>, ProblemHttpResult>> ToOkAsync<T, TBody>(
        this Task<Result<T>> pending, Func<T, TBody> map) =>
        (await pending).ToOk(map);

    public static async Task<Results<Created<T>, ProblemHttpResult>> ToCreatedAsync<T>(
        this Task<Result<T>> pending, Func<T, string> location) =>
        (await pending).ToCreated(location);

    public static async Task<Results<NoContent, ProblemHttpResult>> ToNoContentAsync<T>(this Task<Result<T>> pending) =>
        (await pending).ToNoContent();

    public static async Task<Results<TSuccess, ProblemHttpResult>> ToHttpAsync<T, TSuccess>(
        this Task<Result<T>> pending, Func<T, TSuccess> success)
        where TSuccess : IResult =>
        (await pending).ToHttp(success);
}
