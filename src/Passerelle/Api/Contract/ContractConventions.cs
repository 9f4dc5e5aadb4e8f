using Passerelle.Core.Common;
using Passerelle.Errors;

namespace Passerelle.Api.Contract;

/// <summary>What a route tells the API contract: its name, what it does for whom, and how it may fail.</summary>
internal static class ContractConventions
{
    /// <summary>
    /// The operation id, named like the Core operation it calls (one name per concept), a summary for the menu, and
    /// a description that says what it does, who may call it, and whether the call is audited.
    /// </summary>
    public static RouteHandlerBuilder Documented(
        this RouteHandlerBuilder route, string operationId, string summary, string description) =>
        route.WithName(operationId).WithSummary(summary).WithDescription(description);

    /// <summary>
    /// The Core codes the route's handler can return, each answered with the status its kind maps to. List only
    /// what the handler and what it calls can return, not the capability's whole catalogue, so that a client
    /// handles the failures this operation really has.
    /// </summary>
    public static TBuilder ProducesErrors<TBuilder>(this TBuilder builder, params ErrorCode[] codes)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new DocumentedErrors([.. codes.Select(HttpErrors.Of)]));

    /// <summary>Host codes a route answers with itself, such as a body it reads by hand and refuses.</summary>
    public static TBuilder ProducesErrors<TBuilder>(this TBuilder builder, params HttpErrorCode[] codes)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new DocumentedErrors(codes));
}
