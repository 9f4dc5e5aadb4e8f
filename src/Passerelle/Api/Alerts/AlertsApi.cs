using Microsoft.AspNetCore.Http.HttpResults;
using Passerelle.Api.Contract;
using Passerelle.Core.Alerts;
using Passerelle.Core.Common;
using Passerelle.Errors;
using Passerelle.Security;

namespace Passerelle.Api.Alerts;

internal static class AlertsApi
{
    /// <summary>What <see cref="SaveAlert"/> checks of an alert, raised or changed.</summary>
    private static readonly ErrorCode[] Checked =
    [
        AlertErrors.Title, AlertErrors.Mode, AlertErrors.Confidence, AlertErrors.Container, AlertErrors.Products,
        AlertErrors.Targets, AlertErrors.Country, AlertErrors.Expiry, AlertErrors.Period,
    ];

    public static void MapAlertsApi(this IEndpointRouteBuilder api)
    {
        var alerts = api.MapGroup("/alerts").WithTags("Alerts");
        alerts.MapGet("/", List).Documented("ListAlerts", "List alerts",
            "A rights holder's own alerts (`products:write`); for officers, investigators and coordinators "
            + "(`products:lookup`), the active alerts meant for their agency or country (`?container=` to match an "
            + "ISO 6346 container), audited as a consultation.")
            .ProducesErrors(AlertErrors.Container);
        alerts.MapPost("/", Create).Documented("CreateAlert", "Raise an alert",
            "A verified rights holder warns of a suspect shipment (products, route, mode, containers, consignor "
            + "and consignee, period, confidence, expiry) for the agencies or countries it picks (`products:write`). "
            + "Audited.")
            .ProducesErrors(Checked);
        alerts.MapPut("/{id:guid}", Replace).Documented("ReplaceAlert", "Change an alert",
            "The alert's owner only (`products:write`). Audited.")
            .ProducesErrors([AlertErrors.NotFound, .. Checked]);
        alerts.MapPost("/{id:guid}/close", Close).Documented("CloseAlert", "Close an alert",
            "The alert's owner only (`products:write`). Audited.")
            .ProducesErrors(AlertErrors.NotFound);
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
