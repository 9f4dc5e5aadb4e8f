using Passerelle.Core.Access;

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
    public void A_coordinator_manages_the_people_of_its_own_agency_only()
    {
        Assert.True(AccessRules.MayManageUsers(Person(Roles.Coordinator), AgencyA));
        Assert.False(AccessRules.MayManageUsers(Person(Roles.Coordinator), AgencyB));
        Assert.True(AccessRules.MayManageTokens(Person(Roles.Coordinator), AgencyA));
        Assert.False(AccessRules.MayManageTokens(Person(Roles.Coordinator), AgencyB));
    }

    [Fact]
    public void An_administrator_manages_agencies_and_everyone_s_people()
    {
        Assert.True(AccessRules.MayManageAgencies(Person(Roles.Admin)));
        Assert.True(AccessRules.MayManageUsers(Person(Roles.Admin), AgencyB));
        Assert.False(AccessRules.MayManageAgencies(Person(Roles.Coordinator)));
    }

    [Theory]
    [InlineData(Roles.Officer)]
    [InlineData(Roles.Investigator)]
    [InlineData(Roles.Auditor)]
    [InlineData(Roles.RightsHolder)]
    public void Other_roles_manage_no_one(string role)
    {
        Assert.False(AccessRules.MayManageUsers(Person(role), AgencyA));
        Assert.False(AccessRules.MayManageTokens(Person(role), AgencyA));
        Assert.False(AccessRules.MayManageAgencies(Person(role)));
    }

    [Fact]
    public void Only_auditors_read_the_audit_trail()
    {
        Assert.True(AccessRules.MayReadAudit(Person(Roles.Auditor)));
        Assert.All(Roles.All.Where(r => r != Roles.Auditor), role => Assert.False(AccessRules.MayReadAudit(Person(role))));
    }

    [Fact]
    public void A_token_needs_the_scope_as_well_as_its_user_s_role()
    {
        Assert.False(AccessRules.MayManageUsers(Machine(Roles.Coordinator, Scopes.UsersRead), AgencyA));
        Assert.True(AccessRules.MayManageUsers(Machine(Roles.Coordinator, Scopes.UsersWrite), AgencyA));
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
    public void The_console_acts_as_administrator_and_auditor_under_its_own_login()
    {
        var console = Actor.Console();

        Assert.StartsWith("console:", console.Login, StringComparison.Ordinal);
        Assert.True(AccessRules.MayManageAgencies(console));
        Assert.True(AccessRules.MayReadAudit(console));
    }
}
