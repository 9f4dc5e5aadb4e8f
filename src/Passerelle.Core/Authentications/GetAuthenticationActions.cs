using Microsoft.EntityFrameworkCore;
using Passerelle.Core.Common;
using Passerelle.Core.Data;
using Passerelle.Core.Trust.Access;

namespace Passerelle.Core.Authentications;

/// <summary>What the actor may do on one request now, so a page offers that and nothing else.</summary>
/// <param name="CorrectableUntil">With <see cref="OutcomeAccess.Correct"/>, when the correction window closes.</param>
public sealed record AuthenticationActions(
    bool Reply, bool AddPhotos, OutcomeAccess Outcome, DateTime? CorrectableUntil);

/// <summary>Asks the access rules about each step of one request, for the page that shows it.</summary>
public sealed class GetAuthenticationActions(PasserelleDb db, TimeProvider time)
{
    /// <summary>What the actor may do on the request; null when there is no such request.</summary>
    public async Task<AuthenticationActions?> HandleAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var request = await db.AuthenticationRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (request is null)
        {
            return null;
        }

        var outcome = AccessRules.AuthenticationOutcomeAccess(actor, request.OutcomeFacts(), time.UtcNow());
        return new AuthenticationActions(
            request.Verdict is null && AccessRules.MayManageProducts(actor, request.RightsHolderAgencyId),
            AccessRules.MayFollowAuthentication(actor, request.RequestingAgencyId, request.RequestingUserId),
            outcome,
            outcome == OutcomeAccess.Correct ? request.OutcomeAt + AccessRules.OutcomeCorrectionWindow : null);
    }
}
