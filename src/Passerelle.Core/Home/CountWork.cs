using Microsoft.EntityFrameworkCore;
using Passerelle.Core.Common;
using Passerelle.Core.Data;
using Passerelle.Core.Hits;
using Passerelle.Core.Trust.Access;

namespace Passerelle.Core.Home;

/// <summary>
/// What waits for a person, as counts; null where <see cref="AccessRules"/> gives them no such work.
/// </summary>
/// <param name="HitsToDecide">Open hit cases on the agency's records, for the coordinators who decide them.</param>
/// <param name="OpenHits">Cases the person (a coordinator: the agency) opened that the owner has not decided.</param>
/// <param name="RequestsToAnswer">Authentication requests the rights holder has not answered.</param>
/// <param name="RequestsAwaitingVerdict">Requests the officer (a coordinator: the agency) sent, unanswered.</param>
/// <param name="Overdue">Of those requests, the ones past their reply date.</param>
/// <param name="UnreadNotifications">Notifications in the person's inbox not yet marked read.</param>
public sealed record WorkCounts(
    int? HitsToDecide,
    int? OpenHits,
    int? RequestsToAnswer,
    int? RequestsAwaitingVerdict,
    int? Overdue,
    int? UnreadNotifications)
{
    public static readonly WorkCounts None = new(null, null, null, null, null, null);
}

/// <summary>
/// The counts on a person's home page and in the navigation's badges. A count reveals no record, so it is not a
/// consultation and is not audited; the lists it leads to are.
/// </summary>
public sealed class CountWork(PasserelleDb db, TimeProvider time)
{
    public async Task<WorkCounts> HandleAsync(Actor actor, CancellationToken ct)
    {
        if (actor.AgencyId is not { } agency)
        {
            return WorkCounts.None;
        }

        var user = actor.UserId;
        var agencyHits = AccessRules.HitsVisibleTo(actor).QueryingAgency;
        var wholeAgency = AccessRules.MayFollowAgencyAuthentications(actor);
        var today = DateOnly.FromDateTime(time.UtcNow());
        var hits = db.HitCases.AsNoTracking().Where(h => h.Status == HitStatus.Open);
        var unanswered = db.AuthenticationRequests.AsNoTracking().Where(r => r.Verdict == null);
        var toAnswer = unanswered.Where(r => r.RightsHolderAgencyId == agency);
        var sent = unanswered.Where(r =>
            r.RequestingUserId == user || (wholeAgency && r.RequestingAgencyId == agency));

        int? hitsToDecide = AccessRules.MayDecideHits(actor)
            ? await hits.CountAsync(h => h.OwnerAgencyId == agency, ct)
            : null;
        int? openHits = AccessRules.MayFollowHits(actor)
            ? await hits.CountAsync(h => h.QueryingUserId == user || (agencyHits && h.QueryingAgencyId == agency), ct)
            : null;
        int? answer = AccessRules.MayAnswerAuthentications(actor) ? await toAnswer.CountAsync(ct) : null;
        int? awaiting = AccessRules.MayAwaitAuthentications(actor) ? await sent.CountAsync(ct) : null;
        int? overdue = answer is null && awaiting is null ? null
            : (answer is null ? 0 : await toAnswer.CountAsync(r => r.DueOn < today, ct))
              + (awaiting is null ? 0 : await sent.CountAsync(r => r.DueOn < today, ct));
        int? unread = null;
        if (AccessRules.MayReadInbox(actor))
        {
            // The inbox's own audience: the person, and the agency's notices for those who read them.
            var shared = AccessRules.MayReadAgencyNotifications(actor);
            unread = await db.Notifications.AsNoTracking().CountAsync(
                n => n.AgencyId == agency && n.ReadAt == null
                    && (n.UserId == user || (shared && n.UserId == null)),
                ct);
        }

        return new WorkCounts(hitsToDecide, openHits, answer, awaiting, overdue, unread);
    }
}
