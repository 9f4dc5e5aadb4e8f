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

    /// <summary>Every code of these Core catalogues, each answered with the status its kind maps to.</summary>
    public static TBuilder ProducesErrors<TBuilder>(this TBuilder builder, params IReadOnlyList<ErrorCode>[] catalogues)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new DocumentedErrors([.. catalogues.SelectMany(codes => codes).Select(HttpErrors.Of)]));

    /// <summary>Host codes a route answers with itself, such as a body it reads by hand and refuses.</summary>
    public static TBuilder ProducesErrors<TBuilder>(this TBuilder builder, params HttpErrorCode[] codes)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new DocumentedErrors(codes));
}
