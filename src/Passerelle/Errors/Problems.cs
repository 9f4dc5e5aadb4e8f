using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Passerelle.Core.Common;

namespace Passerelle.Errors;

/// <summary>
/// Every error Passerelle answers over HTTP is RFC 9457 ProblemDetails with a stable <c>code</c> and the request id.
/// </summary>
internal static class Problems
{
    /// <summary>The code and title of an answer that names no code of its own, by status.</summary>
    private static readonly Dictionary<int, (HttpErrorCode Code, string Title)> ByStatus = new()
    {
        [400] = (HttpErrors.RequestInvalid, "The request is not valid."),
        [401] = (HttpErrors.AuthRequired, "Authentication is required."),
        [403] = (HttpErrors.AccessDenied, "You may not do this."),
        [404] = (HttpErrors.NotFound, "Nothing is here."),
        [405] = (HttpErrors.MethodNotAllowed, "This method is not allowed here."),
        [409] = (HttpErrors.Conflict, "The request conflicts with what exists."),
        [413] = (HttpErrors.TooLarge, "The request body is too large."),
        [415] = (HttpErrors.UnsupportedMediaType, "The content type is not supported here."),
        [429] = (HttpErrors.RateLimited, "Too many requests; slow down."),
        [500] = (HttpErrors.ServerError, "Something went wrong on our side. The request id identifies it in our logs."),
        [503] = (HttpErrors.ServerBusy, "The server is busy; try again in a moment."),
        [507] = (HttpErrors.StorageFull, "The server has no room left to store this."),
    };

    private const string Viewport = """<meta name="viewport" content="width=device-width, initial-scale=1">""";

    /// <summary>How long a client told "busy" (503) waits before it tries again.</summary>
    public const int RetryAfterSeconds = 2;

    public static IServiceCollection AddPasserelleProblems(this IServiceCollection services) =>
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            var status = problem.Status ?? context.HttpContext.Response.StatusCode;
            (string Code, string Title) known = ByStatus.TryGetValue(status, out var found)
                ? (found.Code.Code, found.Title)
                : ($"http.{status}", "Error");
            problem.Extensions.TryAdd("code", known.Code);
            problem.Extensions["requestId"] = context.HttpContext.TraceIdentifier;
            problem.Title ??= known.Title;
            problem.Type ??= $"https://passerelle.invalid/problems/{problem.Extensions["code"]}";
            if (status == StatusCodes.Status503ServiceUnavailable)
            {
                context.HttpContext.Response.Headers.RetryAfter =
                    RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        });

    /// <summary>The HTTP status of an expected failure, the same for the API and for a page that shows it.</summary>
    public static int StatusOf(ErrorKind kind) =>
        kind switch
        {
            ErrorKind.Invalid => StatusCodes.Status400BadRequest,
            ErrorKind.NotFound => StatusCodes.Status404NotFound,
            ErrorKind.Conflict => StatusCodes.Status409Conflict,
            ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
            ErrorKind.TooLarge => StatusCodes.Status413PayloadTooLarge,
            ErrorKind.Unsupported => StatusCodes.Status415UnsupportedMediaType,
            ErrorKind.Busy => StatusCodes.Status503ServiceUnavailable,
        };

    /// <summary>The title every answer of this status carries, as the API contract describes it.</summary>
    public static string TitleOf(int status) => ByStatus.TryGetValue(status, out var known) ? known.Title : "Error";

    public static ProblemHttpResult ToProblem(this Error error)
    {
        var status = StatusOf(error.Kind);
        var problem = new ProblemDetails
        {
            Status = status,
            Title = ByStatus[status].Title,
            Detail = error.Message,
            Type = $"https://passerelle.invalid/problems/{error.Code}",
        };
        problem.Extensions["code"] = error.Code;
        if (error.Fields is { Count: > 0 })
        {
            problem.Extensions["errors"] = error.Fields;
        }

        return TypedResults.Problem(problem);
    }

    /// <summary>
    /// A person's browser on a page, not a client of the API: it is shown a page that says what happened, in words,
    /// rather than the JSON an API client reads.
    /// </summary>
    public static bool IsPageRequest(HttpContext http) =>
        !http.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        && http.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// An error answered with no body (an unknown address, a refused method): a person's browser gets a page that
    /// says so and leads home; an API client gets ProblemDetails.
    /// </summary>
    public static async Task WriteStatusAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var status = http.Response.StatusCode;
        if (status == StatusCodes.Status404NotFound && IsPageRequest(http))
        {
            await WritePageAsync(http, status,
                "There is no page at this address. Check it, or start again from the home page.",
                "Il n'y a pas de page à cette adresse. Vérifiez-la, ou repartez de la page d'accueil.", home: true);
            return;
        }

        var service = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await service.WriteAsync(
            new ProblemDetailsContext { HttpContext = http, ProblemDetails = new ProblemDetails { Status = status } });
    }

    /// <summary>The page for a failure on our side, in English and French, with the request id to quote.</summary>
    /// <param name="home">Leads to the home page rather than back to the page that failed.</param>
    public static async Task WritePageAsync(
        HttpContext http, int status, string english, string french, bool home = false)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "text/html; charset=utf-8";
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            http.Response.Headers.RetryAfter =
                RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var encode = System.Text.Encodings.Web.HtmlEncoder.Default;
        var back = home ? "Home page / Page d'accueil" : "Try again / Réessayer";
        await http.Response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8">{Viewport}
            <title>Passerelle</title></head>
            <body><main><h1>Passerelle</h1>
            <p>{encode.Encode(english)}</p>
            <p lang="fr">{encode.Encode(french)}</p>
            <p><a href="{encode.Encode(home ? "/" : SamePage(http))}">{back}</a></p>
            <p><small>Request id: {encode.Encode(http.TraceIdentifier)}</small></p>
            </main></body></html>
            """);
    }

    /// <summary>
    /// The page that failed, as a link that stays on this site: a path such as <c>//elsewhere.example/</c> or
    /// <c>/\elsewhere.example/</c> would otherwise be read by the browser as another host.
    /// </summary>
    internal static string SamePage(HttpContext http) =>
        "/" + (http.Request.PathBase + http.Request.Path).Value?.TrimStart('/', '\\');

    /// <summary>The host's own failure, with its status.</summary>
    public static Task WriteAsync(HttpContext http, HttpErrorCode code, string detail) =>
        WriteAsync(http, code.Status, code.Code, detail);

    public static async Task WriteAsync(HttpContext http, int status, string code, string detail)
    {
        http.Response.StatusCode = status;
        var problem = new ProblemDetails { Status = status, Detail = detail };
        problem.Extensions["code"] = code;
        var service = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await service.WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem });
    }
}
