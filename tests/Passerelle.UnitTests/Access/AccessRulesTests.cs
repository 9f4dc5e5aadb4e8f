using Passerelle.Core.Trust.Access;

namespace Passerelle.UnitTests.Access;

public sealed class AccessRulesTests
{
    private static readonly Guid AgencyA = Guid.NewGuid();
    private static readonly Guid AgencyB = Guid.NewGuid();

    private static Actor Person(string role, Guid? agency = null) =>
        new(Guid.NewGuid(), role, agency ?? AgencyA, "FR-A", new HashSet<string> { role });

    private static Actor Machine(string role, params string[] scopes) =>
        Person(role) with { TokenId = Guid.NewGuid(), Scopes = scopes.ToHashSet() };

    [Fact]
    public void A_coordinator_manages_the_officers_investigators_and_coordinators_of_its_own_agency_only()
    {
        var coordinator = Person(Roles.Coordinator);

        Assert.True(AccessRules.MayManageUser(coordinator, AgencyA, [Roles.Officer]));
        Assert.True(AccessRules.MayManageUser(coordinator, AgencyA, [Roles.Coordinator, Roles.Investigator]));
        Assert.False(AccessRules.MayManageUser(coordinator, AgencyB, [Roles.Officer]));
        Assert.True(AccessRules.MayManageTokens(coordinator, AgencyA, [Roles.Officer]));
        Assert.False(AccessRules.MayManageTokens(coordinator, AgencyB, [Roles.Officer]));
    }

    [Theory]
    [InlineData(Roles.Admin)]
    [InlineData(Roles.Auditor)]
    public void A_coordinator_never_acts_on_a_person_holding_a_role_it_could_not_grant(string role)
    {
        var coordinator = Person(Roles.Coordinator);

        Assert.False(AccessRules.MayManageUser(coordinator, AgencyA, [role]));
        Assert.False(AccessRules.MayManageUser(coordinator, AgencyA, [Roles.Officer, role]));
        Assert.False(AccessRules.MayManageTokens(coordinator, AgencyA, [role]));
        Assert.False(AccessRules.MayRevokeToken(coordinator, Guid.NewGuid(), AgencyA, [role]));
        Assert.False(AccessRules.MayGrantRoles(coordinator, AgencyA, [role]));
    }

    [Fact]
    public void An_administrator_manages_agencies_and_grants_any_role_anywhere()
    {
        Assert.True(AccessRules.MayManageAgencies(Person(Roles.Admin)));
        Assert.True(AccessRules.MayManageUser(Person(Roles.Admin), AgencyB, [Roles.Admin, Roles.Auditor]));
        Assert.True(AccessRules.MayGrantRoles(Person(Roles.Admin), AgencyB, Roles.All));
        Assert.False(AccessRules.MayManageAgencies(Person(Roles.Coordinator)));
    }

    [Theory]
    [InlineData(Roles.Officer)]
    [InlineData(Roles.Investigator)]
    [InlineData(Roles.Auditor)]
    [InlineData(Roles.RightsHolder)]
    public void Other_roles_manage_no_one(string role)
    {
        Assert.False(AccessRules.MayManageUser(Person(role), AgencyA, [Roles.Officer]));
        Assert.False(AccessRules.MayManageTokens(Person(role), AgencyA, [Roles.Officer]));
        Assert.Empty(AccessRules.GrantableRoles(Person(role), AgencyA));
        Assert.False(AccessRules.MayManageAgencies(Person(role)));
    }

    [Fact]
    public void Anyone_revokes_their_own_token()
    {
        var officer = Person(Roles.Officer);

        Assert.True(AccessRules.MayRevokeToken(officer, officer.UserId!.Value, AgencyA, [Roles.Officer]));
        Assert.False(AccessRules.MayRevokeToken(officer, Guid.NewGuid(), AgencyA, [Roles.Officer]));
    }

    [Fact]
    public void A_token_gives_at_most_its_own_scopes()
    {
        var token = Machine(Roles.Coordinator, Scopes.TokensWrite, Scopes.DocumentsScreen);

        Assert.True(AccessRules.MayGiveScopes(token, [Scopes.DocumentsScreen]));
        Assert.False(AccessRules.MayGiveScopes(token, [Scopes.DocumentsScreen, Scopes.DocumentsWrite]));
        Assert.True(AccessRules.MayGiveScopes(Person(Roles.Coordinator), [Scopes.DocumentsWrite]));
    }

    [Fact]
    public void The_minimal_scope_reaches_screening_and_nothing_else()
    {
        var airline = Machine(Roles.Officer, Scopes.DocumentsScreenMinimal);

        Assert.True(AccessRules.MayCallRoute(airline, screeningRoute: true));
        Assert.False(AccessRules.MayCallRoute(airline, screeningRoute: false));
        Assert.False(AccessRules.MayFollowHits(airline));
        Assert.False(AccessRules.MayReadInbox(airline));
        Assert.True(AccessRules.MayCallRoute(Machine(Roles.Officer, Scopes.DocumentsScreenMinimal, Scopes.ProductsLookup), false));
        Assert.True(AccessRules.MayCallRoute(Person(Roles.Officer), false));
    }

    [Fact]
    public void An_owners_investigator_reads_its_hit_cases_but_does_not_decide_them()
    {
        var investigator = Person(Roles.Investigator);

        Assert.True(AccessRules.MayReadHit(investigator, AgencyA, AgencyB, screenedByActor: false));
        Assert.False(AccessRules.MayDecideHit(investigator, AgencyA));
        Assert.False(AccessRules.MayReadHit(investigator, AgencyB, AgencyB, screenedByActor: false));
        var screeningToken = Machine(Roles.Investigator, Scopes.DocumentsScreen);
        Assert.False(AccessRules.MayReadHit(screeningToken, AgencyA, AgencyB, screenedByActor: false));
        Assert.True(AccessRules.MayDecideHit(Person(Roles.Coordinator), AgencyA));
    }

    [Fact]
    public void The_inbox_needs_its_own_scope()
    {
        Assert.False(AccessRules.MayReadInbox(Machine(Roles.Coordinator, Scopes.DocumentsWrite)));
        Assert.True(AccessRules.MayReadInbox(Machine(Roles.Coordinator, Scopes.NotificationsRead)));
        Assert.False(AccessRules.MayReadInbox(Person(Roles.Auditor)));
    }

    [Fact]
    public void Only_auditors_read_the_audit_trail()
    {
        Assert.True(AccessRules.MayReadAudit(Person(Roles.Auditor)));
        Assert.All(Roles.All.Where(r => r != Roles.Auditor), role => Assert.False(AccessRules.MayReadAudit(Person(role))));
    }

    [Fact]
    public void Only_an_administrator_acting_directly_backs_up_or_restores_the_whole_database()
    {
        Assert.True(AccessRules.MayBackUpDatabase(Actor.Console()));
        Assert.True(AccessRules.MayRestoreDatabase(Person(Roles.Admin)));
        Assert.All(
            Roles.All.Where(r => r != Roles.Admin), role => Assert.False(AccessRules.MayBackUpDatabase(Person(role))));
        Assert.False(AccessRules.MayBackUpDatabase(Machine(Roles.Admin, [.. Scopes.AllowedFor([Roles.Admin])])));
        Assert.False(AccessRules.MayRestoreDatabase(Machine(Roles.Admin, [.. Scopes.AllowedFor([Roles.Admin])])));
    }

    [Fact]
    public void A_token_needs_the_scope_as_well_as_its_user_s_role()
    {
        Assert.False(AccessRules.MayManageUser(Machine(Roles.Coordinator, Scopes.UsersRead), AgencyA, [Roles.Officer]));
        Assert.True(AccessRules.MayManageUser(Machine(Roles.Coordinator, Scopes.UsersWrite), AgencyA, [Roles.Officer]));
        Assert.False(AccessRules.MayReadAudit(Machine(Roles.Auditor, Scopes.AgenciesRead)));
    }

    [Fact]
    public void A_token_may_carry_only_scopes_its_user_s_roles_allow()
    {
        Assert.DoesNotContain(Scopes.AuditRead, Scopes.AllowedFor([Roles.Officer]));
        Assert.Contains(Scopes.AuditRead, Scopes.AllowedFor([Roles.Auditor]));
        Assert.Contains(Scopes.UsersWrite, Scopes.AllowedFor([Roles.Officer, Roles.Coordinator]));
    }

    [Fact]
    public void Auditors_administrators_and_coordinators_always_need_a_second_factor()
    {
        Assert.Equal([Roles.Admin, Roles.Auditor, Roles.Coordinator], Roles.AlwaysNeedTotp.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_console_acts_as_administrator_and_auditor_under_its_own_login()
    {
        var console = Actor.Console();

        Assert.StartsWith("console:", console.Login, StringComparison.Ordinal);
        Assert.True(AccessRules.MayManageAgencies(console));
        Assert.True(AccessRules.MayReadAudit(console));
    }
}
