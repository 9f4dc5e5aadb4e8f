using Microsoft.AspNetCore.Http.HttpResults;
using Passerelle.Core.Products;
using Passerelle.Errors;
using Passerelle.Security;

namespace Passerelle.Api.Products;

internal static class AlertsApi
{
    public static void MapAlertsApi(this IEndpointRouteBuilder api)
    {
        var alerts = api.MapGroup("/alerts").WithTags("Genuine products");
        alerts.MapGet("/", List).WithSummary("A rights holder's own alerts; for an officer, the active alerts meant for its agency or country (?container= to match one).");
        alerts.MapPost("/", Create).WithSummary("A verified rights holder raises an alert about a suspect shipment.");
        alerts.MapPut("/{id:guid}", Replace).WithSummary("Change an alert (owner only).");
        alerts.MapPost("/{id:guid}/close", Close).WithSummary("Close an alert (owner only).");
    }

    private static async Task<Results<Ok<IReadOnlyList<AlertView>>, ProblemHttpResult>> List(string? container, HttpContext http, Alerts alerts, CancellationToken ct)
    {
        var result = await alerts.ListAsync(http.Actor(), container, ct);
        return result.Succeeded ? TypedResults.Ok(result.Value) : result.Error!.ToProblem();
    }

    private static async Task<Results<Created<AlertView>, ProblemHttpResult>> Create(AlertRequest request, HttpContext http, Alerts alerts, CancellationToken ct)
    {
        var result = await alerts.SaveAsync(http.Actor(), null, request, ct);
        return result.Succeeded ? TypedResults.Created($"/api/v1/alerts/{result.Value!.Id}", result.Value) : result.Error!.ToProblem();
    }

    private static async Task<Results<Ok<AlertView>, ProblemHttpResult>> Replace(Guid id, AlertRequest request, HttpContext http, Alerts alerts, CancellationToken ct)
    {
        var result = await alerts.SaveAsync(http.Actor(), id, request, ct);
        return result.Succeeded ? TypedResults.Ok(result.Value) : result.Error!.ToProblem();
    }

    private static async Task<Results<Ok<AlertView>, ProblemHttpResult>> Close(Guid id, HttpContext http, Alerts alerts, CancellationToken ct)
    {
        var result = await alerts.CloseAsync(http.Actor(), id, ct);
        return result.Succeeded ? TypedResults.Ok(result.Value) : result.Error!.ToProblem();
    }
}
