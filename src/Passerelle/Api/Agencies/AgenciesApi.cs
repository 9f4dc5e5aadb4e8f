using Microsoft.AspNetCore.Http.HttpResults;
using Passerelle.Api.Contract;
using Passerelle.Core.Trust.Agencies;
using Passerelle.Errors;
using Passerelle.Security;

namespace Passerelle.Api.Agencies;

internal sealed record VerifyRequest(string? Evidence);

internal static class AgenciesApi
{
    public static void MapAgenciesApi(this IEndpointRouteBuilder api)
    {
        var agencies = api.MapGroup("/agencies").WithTags("Agencies");
        agencies.MapGet("/", List).Documented("ListAgencies", "List agencies",
            "Every agency with its kind and country, and whether a rights holder is verified. Administrators, "
            + "coordinators and auditors (`agencies:read`). Audited as a consultation.");
        agencies.MapGet("/{code}", Get).Documented("GetAgency", "Get an agency",
            "One agency by its code. Administrators, coordinators and auditors (`agencies:read`). Audited as a "
            + "consultation.")
            .ProducesErrors(AgencyErrors.NotFound);
        agencies.MapPost("/", Add).Documented("AddAgency", "Add an agency",
            "A customs, police, border-guard, NCB, international or rights-holder agency, with its ICAO country "
            + "code. Administrators (`agencies:write`). Audited.")
            .ProducesErrors(AgencyErrors.Code, AgencyErrors.Name, AgencyErrors.Kind, AgencyErrors.Country,
                AgencyErrors.Duplicate);
        agencies.MapPost("/{code}/verify", Verify).Documented("VerifyRightsHolder", "Verify a rights holder",
            "An administrator records the evidence that a rights holder is who it says it is; only a verified "
            + "rights holder publishes sheets and raises alerts. Administrators (`agencies:write`). Audited.")
            .ProducesErrors(AgencyErrors.NotFound, AgencyErrors.NotRightsHolder, AgencyErrors.Evidence);
    }

    private static Task<Results<Ok<IReadOnlyList<AgencySummary>>, ProblemHttpResult>> List(
        HttpContext http, ListAgencies list, CancellationToken ct) =>
        list.HandleAsync(http.Actor(), ct).ToOkAsync();

    private static Task<Results<Ok<AgencySummary>, ProblemHttpResult>> Get(
        string code, HttpContext http, ListAgencies list, CancellationToken ct) =>
        list.FindAsync(http.Actor(), code, ct).ToOkAsync();

    private static Task<Results<Created<AgencySummary>, ProblemHttpResult>> Add(
        AddAgencyRequest request, HttpContext http, AddAgency add, CancellationToken ct) =>
        add.HandleAsync(http.Actor(), request, ct).ToCreatedAsync(agency => $"/api/v1/agencies/{agency.Code}");

    private static Task<Results<Ok<AgencySummary>, ProblemHttpResult>> Verify(
        string code, VerifyRequest request, HttpContext http, VerifyRightsHolder verify, CancellationToken ct) =>
        verify.HandleAsync(http.Actor(), code, request.Evidence, ct).ToOkAsync();
}
