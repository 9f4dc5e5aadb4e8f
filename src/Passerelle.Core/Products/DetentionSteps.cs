using Microsoft.EntityFrameworkCore;
using Passerelle.Core.Access;
using Passerelle.Core.Audit;
using Passerelle.Core.Common;
using Passerelle.Core.Data;

namespace Passerelle.Core.Products;

/// <summary>
/// The steps after a request: the rights holder answers genuine, counterfeit or cannot tell, and both sides talk in
/// the thread (the outcome is <see cref="DetentionOutcomes"/>). Each step tells the other side.
/// </summary>
public sealed class DetentionSteps(PasserelleDb db, Detentions detentions, AuditWriter audit, TimeProvider time)
{
    public async Task<Result<AuthenticationView>> ReplyAsync(Actor actor, Guid id, string? verdict, string? reasons, CancellationToken ct)
    {
        var detention = await db.AuthenticationRequests.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (detention is null)
        {
            return Error.NotFound("authentication.not-found", $"No authentication request has id {id}.");
        }

        if (!AccessRules.MayManageProducts(actor, detention.RightsHolderAgencyId))
        {
            return await audit.DenyAsync(actor, $"authentication:{id}", ct, "The rights holder asked replies.");
        }

        if (detention.Verdict is not null)
        {
            return Error.Conflict("authentication.replied", "This request was already answered.");
        }

        var parsed = verdict?.Replace("-", "", StringComparison.Ordinal);
        var invalid = new Validation()
            .Require(EnumNames.TryParse<Verdict>(parsed, out var value), "verdict", "authentication.verdict", "The verdict is genuine, counterfeit or cannot-tell.")
            .Require(reasons is { Length: > 0 and <= 4000 }, "reasons", "authentication.reasons", "Give the reasons (at most 4000 characters).")
            .ToError();
        if (invalid is not null)
        {
            return invalid;
        }

        detention.Verdict = value;
        detention.VerdictReasons = reasons!.Trim();
        detention.RepliedAt = time.UtcNow();
        detention.RepliedBy = actor.Login;
        var answer = Detentions.Name(value);
        var deliveries = await detentions.NotifyAsync(detention.RequestingAgencyId, detention.RequestingUserId,
            "authentication.replied", id, $"{actor.AgencyCode} answers: {answer}. {detention.VerdictReasons}", ct);
        await detentions.SaveAsync(
            actor, AuditEvent.AuthenticationReplied, id, AuditDetails.With("verdict", answer), deliveries, ct);
        return await detentions.ViewAsync(actor, id, ct);
    }

    public async Task<Result<AuthenticationView>> PostMessageAsync(Actor actor, Guid id, string? text, CancellationToken ct)
    {
        var detention = await db.AuthenticationRequests.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (detention is null)
        {
            return Error.NotFound("authentication.not-found", $"No authentication request has id {id}.");
        }

        var holder = AccessRules.MayManageProducts(actor, detention.RightsHolderAgencyId);
        if (!holder && !Detentions.MayFollow(actor, detention))
        {
            return await audit.DenyAsync(actor, $"authentication:{id}", ct);
        }

        if (text is not { Length: > 0 and <= 2000 })
        {
            return Error.Invalid("authentication.text", "A message is 1 to 2000 characters.", "text");
        }

        db.AuthenticationMessages.Add(new AuthenticationMessage { RequestId = id, At = time.UtcNow(), By = actor.Login, Agency = actor.AgencyCode!, Text = text.Trim() });
        var deliveries = await detentions.NotifyAsync(
            holder ? detention.RequestingAgencyId : detention.RightsHolderAgencyId,
            holder ? detention.RequestingUserId : null, "authentication.message", id,
            $"{actor.AgencyCode}: {text.Trim()}", ct);
        await detentions.SaveAsync(actor, AuditEvent.AuthenticationMessage, id, null, deliveries, ct);
        return await detentions.ViewAsync(actor, id, ct);
    }
}
