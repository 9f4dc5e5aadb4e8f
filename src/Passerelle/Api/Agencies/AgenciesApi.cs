using Microsoft.AspNetCore.Http.HttpResults;
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
        agencies.MapGet("/", List).WithSummary("Every agency.");
        agencies.MapGet("/{code}", Get).WithSummary("One agency.");
        agencies.MapPost("/", Add).WithSummary("Add an agency (administrators).");
        agencies.MapPost("/{code}/verify", Verify).WithSummary("Verify a rights holder (administrators).");
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
