using Passerelle.Errors;

namespace Passerelle.Api.Contract;

/// <summary>
/// Endpoint metadata: codes a route or a group of routes may answer with beyond those the host adds to every route
/// (<see cref="ErrorResponses"/>). A route gathers the entries of its groups and its own.
/// </summary>
internal sealed record DocumentedErrors(IReadOnlyList<HttpErrorCode> Codes);
