using Passerelle.Core.Trust.Access;

namespace Passerelle.UnitTests.Access;

public sealed class SeizureStatisticsRulesTests
{
    private static readonly Guid Own = Guid.NewGuid();
    private static readonly Guid Other = Guid.NewGuid();

    private static Actor Person(string role, params string[] scopes) =>
        new(Guid.NewGuid(), role, Own, "FR-A", new HashSet<string> { role },
            Scopes: scopes.Length == 0 ? null : scopes.ToHashSet());

    [Theory]
    [InlineData(Roles.Officer, SeizureStatisticsScope.OwnCountry)]
    [InlineData(Roles.Investigator, SeizureStatisticsScope.OwnCountry)]
    [InlineData(Roles.Coordinator, SeizureStatisticsScope.OwnCountry)]
    [InlineData(Roles.Auditor, SeizureStatisticsScope.OwnCountry)]
    [InlineData(Roles.RightsHolder, SeizureStatisticsScope.OwnBrands)]
    [InlineData(Roles.Admin, SeizureStatisticsScope.None)]
    public void Each_role_counts_its_own_country_or_its_own_brands(string role, SeizureStatisticsScope scope) =>
        Assert.Equal(scope, AccessRules.SeizureStatisticsScopeOf(Person(role)));

    [Theory]
    [InlineData(Roles.Officer, Scopes.DocumentsScreen)]
    [InlineData(Roles.Auditor, Scopes.AgenciesRead)]
    [InlineData(Roles.RightsHolder, Scopes.TokensRead)]
    public void A_token_without_the_role_s_scope_counts_nothing(string role, string scope) =>
        Assert.Equal(SeizureStatisticsScope.None, AccessRules.SeizureStatisticsScopeOf(Person(role, scope)));

    [Fact]
    public void Without_an_agency_there_is_no_country_to_count()
    {
        Assert.Equal(SeizureStatisticsScope.None, AccessRules.SeizureStatisticsScopeOf(Actor.Console()));
    }

    [Fact]
    public void Place_and_route_reach_the_detaining_agency_and_the_rights_holder_asked_only()
    {
        Assert.True(AccessRules.MaySeeAuthenticationPlace(
            Person(Roles.Officer), requestingAgencyId: Own, rightsHolderAgencyId: Other));
        Assert.True(AccessRules.MaySeeAuthenticationPlace(
            Person(Roles.RightsHolder), requestingAgencyId: Other, rightsHolderAgencyId: Own));
        Assert.False(AccessRules.MaySeeAuthenticationPlace(
            Person(Roles.Officer), requestingAgencyId: Other, rightsHolderAgencyId: Other));
        Assert.False(AccessRules.MaySeeAuthenticationPlace(
            Actor.Console(), requestingAgencyId: Other, rightsHolderAgencyId: Other));
    }
}
