using Passerelle.Core.Trust.Access;

namespace Passerelle.UnitTests.Access;

/// <summary>
/// Who may record or correct what became of detained goods, and when (AccessRules.AuthenticationOutcomeAccess).
/// </summary>
public sealed class AuthenticationOutcomeRulesTests
{
    private static readonly Guid Detaining = Guid.NewGuid();
    private static readonly DateTime Now = new(2026, 11, 30, 12, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now);

    private static Actor Person(string role, Guid? agency = null) =>
        new(Guid.NewGuid(), role, agency ?? Detaining, "FR-DOUANE", new HashSet<string> { role });

    private static AuthenticationOutcomeFacts Request(
        Actor asker, bool answered = false, DateOnly? due = null, DateTime? recordedAt = null, Guid? recordedBy = null) =>
        new(Detaining, asker.UserId, answered, due ?? Today.AddDays(5), recordedAt, recordedBy);

    [Fact]
    public void Before_the_verdict_and_the_deadline_the_outcome_waits()
    {
        var officer = Person(Roles.Officer);

        Assert.Equal(
            OutcomeAccess.BeforeVerdict, AccessRules.AuthenticationOutcomeAccess(officer, Request(officer), Now));
        Assert.Equal(OutcomeAccess.BeforeVerdict,
            AccessRules.AuthenticationOutcomeAccess(officer, Request(officer, due: Today), Now));
    }

    [Fact]
    public void After_the_verdict_or_once_the_reply_is_overdue_the_outcome_is_recorded()
    {
        var officer = Person(Roles.Officer);

        Assert.Equal(OutcomeAccess.Record,
            AccessRules.AuthenticationOutcomeAccess(officer, Request(officer, answered: true), Now));
        Assert.Equal(OutcomeAccess.Record,
            AccessRules.AuthenticationOutcomeAccess(officer, Request(officer, due: Today.AddDays(-1)), Now));
    }

    [Fact]
    public void Its_author_corrects_it_for_24_hours_and_no_one_else_ever()
    {
        var officer = Person(Roles.Officer);
        var coordinator = Person(Roles.Coordinator);
        var recorded = Request(officer, answered: true, recordedAt: Now, recordedBy: officer.UserId);

        Assert.Equal(OutcomeAccess.Correct,
            AccessRules.AuthenticationOutcomeAccess(officer, recorded, Now.AddHours(24).AddTicks(-1)));
        Assert.Equal(OutcomeAccess.CorrectionWindowClosed,
            AccessRules.AuthenticationOutcomeAccess(officer, recorded, Now.AddHours(24)));
        Assert.Equal(OutcomeAccess.NotAuthor, AccessRules.AuthenticationOutcomeAccess(coordinator, recorded, Now));
    }

    [Fact]
    public void Those_who_do_not_follow_the_detention_are_denied_whatever_its_state()
    {
        var officer = Person(Roles.Officer);
        var colleague = Person(Roles.Officer);
        var foreignCoordinator = Person(Roles.Coordinator, Guid.NewGuid());
        var holder = Person(Roles.RightsHolder, Guid.NewGuid());
        var answered = Request(officer, answered: true);

        Assert.All([colleague, foreignCoordinator, holder, Actor.Console()],
            actor => Assert.Equal(OutcomeAccess.Denied, AccessRules.AuthenticationOutcomeAccess(actor, answered, Now)));
    }
}
