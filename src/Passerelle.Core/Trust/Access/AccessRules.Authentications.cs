namespace Passerelle.Core.Trust.Access;

/// <summary>What a person may do about a detention's outcome at a given moment, or why not.</summary>
public enum OutcomeAccess
{
    /// <summary>Not one of the people who follow the detention.</summary>
    Denied,

    /// <summary>No outcome yet, and the rights holder has answered or let its deadline pass.</summary>
    Record,

    /// <summary>No outcome yet, and the rights holder may still answer.</summary>
    BeforeVerdict,

    /// <summary>The person who recorded the outcome, within the correction window.</summary>
    Correct,

    /// <summary>Recorded by someone else: only its author corrects it.</summary>
    NotAuthor,

    /// <summary>Recorded by this person, but longer ago than the correction window.</summary>
    CorrectionWindowClosed,
}

/// <summary>What <see cref="AccessRules.AuthenticationOutcomeAccess"/> reads about one detention.</summary>
/// <param name="Answered">Whether the rights holder has given its verdict.</param>
/// <param name="DueOn">The last day of the rights holder's reply period.</param>
/// <param name="RecordedAt">When the outcome was first recorded; a correction keeps this time.</param>
/// <param name="RecordedBy">The person who recorded it.</param>
public sealed record AuthenticationOutcomeFacts(
    Guid RequestingAgencyId,
    Guid? RequestingUserId,
    bool Answered,
    DateOnly DueOn,
    DateTime? RecordedAt,
    Guid? RecordedBy);

/// <summary>
/// Who follows a detention and its request for authentication, and what of it each side sees.
/// </summary>
public static partial class AccessRules
{
    /// <summary>
    /// A detention is followed by the officer who asked for authentication and by their agency's coordinators.
    /// </summary>
    public static bool MayFollowAuthentication(Actor actor, Guid requestingAgencyId, Guid? requestingUserId) =>
        (MayLookUpProducts(actor) && requestingUserId is not null && requestingUserId == actor.UserId)
        || (MayFollowAgencyAuthentications(actor) && actor.AgencyId == requestingAgencyId);

    /// <summary>
    /// Whether the actor follows every detention of its own agency, not only the ones it asked about: its
    /// coordinators do (<see cref="MayFollowAuthentication"/>), as a filter a listing or a count applies.
    /// </summary>
    public static bool MayFollowAgencyAuthentications(Actor actor) =>
        MayLookUpProducts(actor) && actor.IsInRole(Roles.Coordinator);

    /// <summary>
    /// Which officer asked, wrote or recorded an outcome is law-enforcement data: the detaining agency's own people
    /// see it, and the rights holder sees the agency instead.
    /// </summary>
    public static bool MaySeeOfficers(Actor actor, Guid requestingAgencyId) =>
        MayLookUpProducts(actor) && actor.AgencyId == requestingAgencyId;

    /// <summary>
    /// A detention's free-text place and route reach the agency that detained the goods and the rights holder it
    /// asked, who was told them in the request; the other agencies of the country count it, without either.
    /// </summary>
    public static bool MaySeeAuthenticationPlace(Actor actor, Guid requestingAgencyId, Guid rightsHolderAgencyId) =>
        actor.AgencyId is { } agency && (agency == requestingAgencyId || agency == rightsHolderAgencyId);

    /// <summary>How long after recording an outcome its author may still correct it.</summary>
    public static readonly TimeSpan OutcomeCorrectionWindow = TimeSpan.FromHours(24);

    /// <summary>
    /// A detention's outcome is recorded by those who follow it (<see cref="MayFollowAuthentication"/>), once the
    /// rights holder has given its verdict, since what becomes of the goods depends on it, or once the reply period is
    /// over unanswered: the goods cannot wait for ever, and customs must then decide alone (release them, as
    /// Regulation (EU) No 608/2013, art. 23(3), has it, or keep them under national proceedings). A recorded outcome
    /// counts in the statistics and the rights holder is told, so it is not rewritten freely: the person who recorded
    /// it may correct a mistake within <see cref="OutcomeCorrectionWindow"/> of recording it, and no one else, ever.
    /// </summary>
    public static OutcomeAccess AuthenticationOutcomeAccess(
        Actor actor, AuthenticationOutcomeFacts detention, DateTime now)
    {
        if (!MayFollowAuthentication(actor, detention.RequestingAgencyId, detention.RequestingUserId))
        {
            return OutcomeAccess.Denied;
        }

        if (detention.RecordedAt is not { } recordedAt)
        {
            var overdue = detention.DueOn < DateOnly.FromDateTime(now);
            return detention.Answered || overdue ? OutcomeAccess.Record : OutcomeAccess.BeforeVerdict;
        }

        if (actor.UserId is null || actor.UserId != detention.RecordedBy)
        {
            return OutcomeAccess.NotAuthor;
        }

        return now < recordedAt + OutcomeCorrectionWindow
            ? OutcomeAccess.Correct
            : OutcomeAccess.CorrectionWindowClosed;
    }
}
