using Microsoft.EntityFrameworkCore;
using Passerelle.Core.Common;
using Passerelle.Core.Data;
using Passerelle.Core.Trust.Access;
using Passerelle.Core.Trust.Audit;

namespace Passerelle.Core.Authentications;

/// <summary>
/// The rights holder answers genuine, counterfeit or cannot tell, with its reasons, once; the officer who asked is
/// told.
/// </summary>
public sealed class ReplyToAuthentication(
    PasserelleDb db, AuthenticationStep step, AuthenticationViews views, AuditWriter audit, TimeProvider time)
{
    public async Task<Result<AuthenticationView>> HandleAsync(
        Actor actor, Guid id, string? verdict, string? reasons, CancellationToken ct)
    {
        var request = await db.AuthenticationRequests.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (request is null)
        {
            return AuthenticationErrors.NotFound.With($"No authentication request has id {id}.");
        }

        if (!AccessRules.MayManageProducts(actor, request.RightsHolderAgencyId))
        {
            return await audit.DenyAsync(actor, AuditTarget.Authentication(id), ct, "The rights holder asked replies.");
        }

        if (request.Verdict is not null)
        {
            return AuthenticationErrors.Replied.With("This request was already answered.");
        }

        var parsed = verdict?.Replace("-", "", StringComparison.Ordinal);
        var invalid = new Validation()
            .Require(EnumNames.TryParse<Verdict>(parsed, out var value), "verdict", AuthenticationErrors.Verdict,
                "The verdict is genuine, counterfeit or cannot-tell.")
            .Require(reasons is { Length: > 0 and <= 4000 }, "reasons", AuthenticationErrors.Reasons,
                "Give the reasons (at most 4000 characters).")
            .ToError();
        if (invalid is not null)
        {
            return invalid;
        }

        request.Verdict = value;
        request.VerdictReasons = reasons!.Trim();
        request.RepliedAt = time.UtcNow();
        request.RepliedBy = actor.Login;
        var deliveries = await step.TellAsync(request.RequestingAgencyId, request.RequestingUserId,
            "authentication.replied", id, $"{actor.AgencyCode} answers: {value.Name()}. {request.VerdictReasons}", ct);
        await step.CommitAsync(
            actor, AuditEvent.AuthenticationReplied, id, AuditDetails.With("verdict", value.Name()), deliveries, ct);
        return await views.OneAsync(actor, id, ct);
    }
}
