using Microsoft.AspNetCore.Http.HttpResults;
using Passerelle.Core.Alerts;
using Passerelle.Errors;
using Passerelle.Security;

namespace Passerelle.Api.Alerts;

internal static class AlertsApi
{
    public static void MapAlertsApi(this IEndpointRouteBuilder api)
    {
        var alerts = api.MapGroup("/alerts").WithTags("Genuine products");
        alerts.MapGet("/", List).WithSummary("A rights holder's own alerts; for an officer, the active alerts meant " +
            "for its agency or country (?container= to match one).");
        alerts.MapPost("/", Create).WithSummary("A verified rights holder raises an alert about a suspect shipment.");
        alerts.MapPut("/{id:guid}", Replace).WithSummary("Change an alert (owner only).");
        alerts.MapPost("/{id:guid}/close", Close).WithSummary("Close an alert (owner only).");
    }

    private static Task<Results<Ok<IReadOnlyList<AlertView>>, ProblemHttpResult>> List(
        string? container, HttpContext http, ListAlerts list, CancellationToken ct) =>
        list.HandleAsync(http.Actor(), container, ct).ToOkAsync();

    private static Task<Results<Created<AlertView>, ProblemHttpResult>> Create(
        AlertRequest request, HttpContext http, SaveAlert save, CancellationToken ct) =>
        save.HandleAsync(http.Actor(), null, request, ct).ToCreatedAsync(created => $"/api/v1/alerts/{created.Id}");

    private static Task<Results<Ok<AlertView>, ProblemHttpResult>> Replace(
        Guid id, AlertRequest request, HttpContext http, SaveAlert save, CancellationToken ct) =>
        save.HandleAsync(http.Actor(), id, request, ct).ToOkAsync();

    private static Task<Results<Ok<AlertView>, ProblemHttpResult>> Close(
        Guid id, HttpContext http, CloseAlert close, CancellationToken ct) =>
        close.HandleAsync(http.Actor(), id, ct).ToOkAsync();
}
