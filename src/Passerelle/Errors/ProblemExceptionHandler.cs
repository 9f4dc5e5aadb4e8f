using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Passerelle.Core.Common;
using Passerelle.Core.Data;

namespace Passerelle.Errors;

/// <summary>
/// The one place exceptions are caught. A request the framework could not read is the client's fault and gets its
/// own 4xx. A database that cannot be reached is nobody's bug: 503 with <c>Retry-After</c>, and a full disk 507, after
/// a transaction that rolled back, so nothing is half-written (a connection lost during a commit leaves its outcome
/// unknown, which the 503 says). Anything else is a bug, answered with a bare 500 that reveals nothing. Each failure
/// is logged once per storm (<see cref="LogStorm"/>), not once per request.
/// </summary>
internal sealed class ProblemExceptionHandler(
    ILogger<ProblemExceptionHandler> log, LogStorm storm, IHostApplicationLifetime lifetime) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        if (exception is BadHttpRequestException bad)
        {
            var (code, detail) = bad.StatusCode switch
            {
                StatusCodes.Status413PayloadTooLarge => (HttpErrors.TooLarge,
                    $"The body is larger than the limit of {BodyLimits.MaxBytes(http)} bytes."),
                StatusCodes.Status415UnsupportedMediaType => (HttpErrors.UnsupportedMediaType,
                    "Send the body as application/json."),
                _ when bad.InnerException is JsonException json => (HttpErrors.MalformedJson, WhereJsonFailed(json)),
                _ => (HttpErrors.RequestInvalid, "The request could not be read: check its parameters and body."),
            };
            // The framework's status stands: a request it refuses for another reason keeps its own 4xx.
            await Problems.WriteAsync(http, bad.StatusCode, code.Code, detail);
            return true;
        }

        if (exception is OperationCanceledException && http.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nobody is left to answer.
            return true;
        }

        if (exception is OperationCanceledException && lifetime.ApplicationStopping.IsCancellationRequested)
        {
            // The shutdown's time ran out before this request's audit entry could be committed: not a bug, and
            // another node can answer it.
            await AnswerAsync(http, HttpErrors.ServerStopping,
                "This server is stopping and did not finish your request. Try again in a moment.",
                "Ce serveur s'arrête et n'a pas terminé votre demande. Réessayez dans un instant.");
            return true;
        }

        switch (DatabaseFaults.Classify(exception))
        {
            case StorageFault.Unavailable:
                if (storm.Admit($"database unavailable: {exception.GetType().Name}: {exception.Message}"))
                {
                    log.LogWarning(exception,
                        "The database is unavailable; answering 503 (first of a storm, on {Method} {Path})",
                        http.Request.Method, LoggablePath(http));
                }

                await AnswerAsync(http, HttpErrors.DatabaseUnavailable,
                    "The database cannot be reached just now. Try again in a moment; if you were saving something, "
                    + "check first whether it was saved.",
                    "La base de données est injoignable pour l'instant. Réessayez dans un instant ; si vous "
                    + "enregistriez quelque chose, vérifiez d'abord que ce n'est pas déjà fait.");
                return true;
            case StorageFault.Full:
                if (storm.Admit($"storage full: {exception.GetType().Name}: {exception.Message}"))
                {
                    log.LogError(exception, "The disk is full; answering 507 (first of a storm, on {Method} {Path})",
                        http.Request.Method, LoggablePath(http));
                }

                await AnswerAsync(http, HttpErrors.StorageFull,
                    "The server has no room left to store this, and nothing was changed. Tell the administrator.",
                    "Le serveur n'a plus de place pour l'enregistrer, et rien n'a été modifié. "
                    + "Prévenez l'administrateur.");
                return true;
            case StorageFault.None:
                break;
        }

        // A bug is known by where it was thrown and on which endpoint, not by its message, which many exceptions
        // share; each one still leaves a line with its request id, the id a person quotes to the administrator.
        // Not the path when no endpoint matched: one key per made-up path would log a stack trace for each.
        var endpoint = http.GetEndpoint()?.DisplayName ?? "(no endpoint)";
        var site = exception.TargetSite is { } method ? $"{method.DeclaringType?.FullName}.{method.Name}" : "?";
        if (storm.Admit($"unhandled: {exception.GetType().FullName} at {site} on {endpoint}"))
        {
            log.LogError(exception, "Unhandled error on {Method} {Path}", http.Request.Method, LoggablePath(http));
        }
        else
        {
            log.LogError("Unhandled error on {Method} {Path} ({Exception} at {Site}; its stack was logged above)",
                http.Request.Method, LoggablePath(http), exception.GetType().Name, site);
        }

        await AnswerAsync(http, HttpErrors.ServerError,
            "Something went wrong on our side. Quote the request id to the administrator.",
            "Une erreur s'est produite de notre côté. Donnez l'identifiant de la requête à l'administrateur.");
        return true;
    }

    /// <summary>
    /// Where the body stopped being what was expected, without the serializer's message, which names internal types.
    /// </summary>
    private static string WhereJsonFailed(JsonException json) => string.Create(CultureInfo.InvariantCulture,
        $"The body is not valid JSON, or a value in it has the wrong type, at {json.Path ?? "$"} (line "
        + $"{(json.LineNumber ?? 0) + 1}, byte {(json.BytePositionInLine ?? 0) + 1}).");

    /// <summary>
    /// The path as it may go into a log line: decoded paths can carry line breaks that would forge lines.
    /// </summary>
    private static string LoggablePath(HttpContext http)
    {
        var path = http.Request.Path.Value ?? "";
        var clipped = path.Length > 200 ? path[..200] + "…" : path;
        return string.Concat(clipped.Select(c => char.IsControl(c) ? '?' : c));
    }

    private static Task AnswerAsync(HttpContext http, HttpErrorCode code, string english, string french) =>
        Problems.IsPageRequest(http)
            ? Problems.WritePageAsync(http, code.Status, english, french)
            : Problems.WriteAsync(http, code, english);
}
