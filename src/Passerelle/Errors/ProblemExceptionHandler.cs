using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace Passerelle.Errors;

/// <summary>
/// The one place exceptions are caught. A request the framework could not read is the client's fault and gets its
/// own 4xx; anything else is a bug, logged here and answered with a bare 500 that reveals nothing.
/// </summary>
internal sealed class ProblemExceptionHandler(ILogger<ProblemExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        if (exception is BadHttpRequestException bad)
        {
            var (code, detail) = bad.StatusCode switch
            {
                StatusCodes.Status413PayloadTooLarge => ("request.too-large", $"The body is larger than the limit of {BodyLimits.MaxBytes(http)} bytes."),
                StatusCodes.Status415UnsupportedMediaType => ("request.unsupported-media-type", "Send the body as application/json."),
                _ when bad.InnerException is JsonException json => ("request.malformed-json", $"The body is not valid JSON: {json.Message}"),
                _ => ("request.invalid", "The request could not be read: check its parameters and body."),
            };
            await Problems.WriteAsync(http, bad.StatusCode, code, detail);
            return true;
        }

        log.LogError(exception, "Unhandled error on {Method} {Path}", http.Request.Method, http.Request.Path.Value);
        await Problems.WriteAsync(http, StatusCodes.Status500InternalServerError, "server.error",
            "Something went wrong on our side. Quote the request id to the administrator.");
        return true;
    }
}
