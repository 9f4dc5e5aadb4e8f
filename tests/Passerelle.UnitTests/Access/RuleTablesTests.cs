using Passerelle.Core.Trust.Access;
using Passerelle.Core.Trust.Agencies;

namespace Passerelle.UnitTests.Access;

/// <summary>
/// One table per rule that used to be a role test in a page, a view or a handler, across roles, agencies and token
/// scopes. A row with no scopes is a person acting directly, with everything their roles allow.
/// </summary>
public sealed class RuleTablesTests
{
    private static readonly Guid Home = Guid.NewGuid();
    private static readonly Guid Abroad = Guid.NewGuid();

    private static Actor Someone(string role, string[]? scopes = null, Guid? agency = null, string code = "FR-A") =>
        new(Guid.NewGuid(), role, agency ?? Home, code, new HashSet<string> { role },
            scopes is null ? null : Guid.NewGuid(), scopes?.ToHashSet());

    [Theory]
    [InlineData(Roles.Admin, null, true)]
    [InlineData(Roles.Coordinator, null, true)]
    [InlineData(Roles.Officer, null, false)]
    [InlineData(Roles.Investigator, null, false)]
    [InlineData(Roles.Auditor, null, false)]
    [InlineData(Roles.RightsHolder, null, false)]
    [InlineData(Roles.Admin, new[] { Scopes.TokensWrite }, true)]
    [InlineData(Roles.Coordinator, new[] { Scopes.TokensWrite }, true)]
    [InlineData(Roles.Coordinator, new[] { Scopes.TokensRead, Scopes.UsersWrite }, false)]
    [InlineData(Roles.Officer, new[] { Scopes.TokensWrite }, false)]
    public void The_token_form_is_for_administrators_and_coordinators_with_tokens_write(
        string role, string[]? scopes, bool expected) =>
        Assert.Equal(expected, AccessRules.MayCreateTokens(Someone(role, scopes)));

    [Theory]
    [InlineData(Roles.Admin, null, true)]
    [InlineData(Roles.Admin, new[] { Scopes.AgenciesWrite, Scopes.UsersWrite, Scopes.TokensWrite }, false)]
    [InlineData(Roles.Admin, new string[0], false)]
    [InlineData(Roles.Coordinator, null, false)]
    [InlineData(Roles.Investigator, new[] { Scopes.DocumentsWrite }, false)]
    [InlineData(Roles.Auditor, null, false)]
    [InlineData(Roles.Officer, null, false)]
    [InlineData(Roles.RightsHolder, null, false)]
    public void Only_an_administrator_acting_directly_purges_the_register(
        string role, string[]? scopes, bool expected) =>
        Assert.Equal(expected, AccessRules.MayPurgeRegister(Someone(role, scopes)));

    [Fact]
    public void The_console_and_the_scheduler_purge_the_register()
    {
        var scheduler = Actor.Console() with { Login = "passerelle:purge", Source = "scheduler" };

        Assert.True(AccessRules.MayPurgeRegister(Actor.Console()));
        Assert.True(AccessRules.MayPurgeRegister(scheduler));
    }

    [Theory]
    [InlineData(Roles.Coordinator, null, true)]
    [InlineData(Roles.RightsHolder, null, true)]
    [InlineData(Roles.Officer, null, false)]
    [InlineData(Roles.Investigator, null, false)]
    [InlineData(Roles.Auditor, null, false)]
    [InlineData(Roles.Admin, null, false)]
    [InlineData(Roles.Coordinator, new[] { Scopes.NotificationsRead }, true)]
    [InlineData(Roles.RightsHolder, new[] { Scopes.NotificationsRead }, true)]
    [InlineData(Roles.Coordinator, new[] { Scopes.DocumentsWrite }, false)]
    [InlineData(Roles.RightsHolder, new[] { Scopes.ProductsWrite }, false)]
    public void Notices_to_the_whole_agency_reach_its_coordinators_and_a_rights_holder_s_people(
        string role, string[]? scopes, bool expected) =>
        Assert.Equal(expected, AccessRules.MayReadAgencyNotifications(Someone(role, scopes)));

    [Fact]
    public void Without_an_agency_no_notice_to_an_agency_is_read() =>
        Assert.False(AccessRules.MayReadAgencyNotifications(Someone(Roles.Coordinator) with { AgencyId = null }));

    [Theory]
    [InlineData(Roles.Coordinator, null, true)]
    [InlineData(Roles.Officer, null, false)]
    [InlineData(Roles.Investigator, null, false)]
    [InlineData(Roles.RightsHolder, null, false)]
    [InlineData(Roles.Auditor, null, false)]
    [InlineData(Roles.Admin, null, false)]
    [InlineData(Roles.Coordinator, new[] { Scopes.ProductsLookup }, true)]
    [InlineData(Roles.Coordinator, new[] { Scopes.DocumentsScreen, Scopes.NotificationsRead }, false)]
    public void A_coordinator_with_products_lookup_follows_every_detention_of_its_agency(
        string role, string[]? scopes, bool expected)
    {
        var actor = Someone(role, scopes);

        Assert.Equal(expected, AccessRules.MayFollowAgencyAuthentications(actor));
        // Each detention its agency asked about, by whichever officer, follows the same way.
        Assert.Equal(expected, AccessRules.MayFollowAuthentication(actor, Home, Guid.NewGuid()));
        Assert.False(AccessRules.MayFollowAuthentication(actor, Abroad, Guid.NewGuid()));
    }

    [Theory]
    [InlineData(Roles.Admin, null, "DE-B", true)]
    [InlineData(Roles.Admin, new[] { Scopes.AgenciesWrite }, "DE-B", true)]
    [InlineData(Roles.Admin, new[] { Scopes.AgenciesRead }, "DE-B", false)]
    [InlineData(Roles.Coordinator, null, "FR-A", true)]
    [InlineData(Roles.Coordinator, null, "DE-B", false)]
    [InlineData(Roles.Coordinator, new[] { Scopes.UsersWrite }, "FR-A", true)]
    [InlineData(Roles.Coordinator, new[] { Scopes.UsersRead }, "FR-A", false)]
    [InlineData(Roles.Officer, null, "FR-A", false)]
    [InlineData(Roles.Investigator, null, "FR-A", false)]
    [InlineData(Roles.Auditor, null, "FR-A", false)]
    [InlineData(Roles.RightsHolder, null, "FR-A", false)]
    public void An_agency_known_by_its_code_has_its_settings_changed_as_one_known_by_its_id(
        string role, string[]? scopes, string code, bool expected)
    {
        var actor = Someone(role, scopes, Home, "FR-A");
        var id = code == "FR-A" ? Home : Abroad;

        Assert.Equal(expected, AccessRules.MayChangeAgencySettings(actor, code));
        Assert.Equal(expected, AccessRules.MayChangeAgencySettings(actor, id));
    }

    [Fact]
    public void The_console_has_no_agency_code_yet_changes_any_agency_s_settings() =>
        Assert.True(AccessRules.MayChangeAgencySettings(Actor.Console(), "FR-A"));

    [Theory]
    [InlineData(AgencyKind.RightsHolder, new[] { Roles.RightsHolder }, true)]
    [InlineData(AgencyKind.RightsHolder, new string[0], true)]
    [InlineData(AgencyKind.RightsHolder, new[] { Roles.RightsHolder, Roles.Officer }, false)]
    [InlineData(AgencyKind.RightsHolder, new[] { Roles.Coordinator }, false)]
    [InlineData(AgencyKind.Customs, new[] { Roles.Officer, Roles.Coordinator }, true)]
    [InlineData(AgencyKind.Police, new[] { Roles.Investigator }, true)]
    [InlineData(AgencyKind.Ncb, new[] { Roles.Admin, Roles.Auditor }, true)]
    [InlineData(AgencyKind.Customs, new[] { Roles.RightsHolder }, false)]
    [InlineData(AgencyKind.BorderGuard, new[] { Roles.Officer, Roles.RightsHolder }, false)]
    public void A_rights_holder_s_people_hold_that_role_alone_and_no_one_else_holds_it(
        AgencyKind kind, string[] roles, bool expected) =>
        Assert.Equal(expected, AccessRules.RolesFitAgency(kind, roles));

    [Theory]
    [InlineData(new[] { Roles.Admin }, new string[0], true)]
    [InlineData(new[] { Roles.Coordinator }, new string[0], true)]
    [InlineData(new[] { Roles.Auditor }, new string[0], true)]
    [InlineData(new[] { Roles.Officer }, new string[0], false)]
    [InlineData(new[] { Roles.Investigator }, new string[0], false)]
    [InlineData(new[] { Roles.RightsHolder }, new string[0], false)]
    [InlineData(new[] { Roles.Officer }, new[] { Roles.Officer }, true)]
    [InlineData(new[] { Roles.Officer, Roles.Investigator }, new[] { Roles.Investigator }, true)]
    [InlineData(new[] { Roles.RightsHolder }, new[] { Roles.Officer }, false)]
    [InlineData(new string[0], new[] { Roles.Officer }, false)]
    public void Who_manages_others_or_reads_everything_always_needs_a_second_factor_and_others_as_configured(
        string[] roles, string[] configured, bool expected) =>
        Assert.Equal(expected, AccessRules.NeedsSecondFactor(roles, configured));
}
