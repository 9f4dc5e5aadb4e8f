using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Passerelle.Core.Trust.Access;
using Passerelle.Core.Trust.Agencies;

namespace Passerelle.UnitTests.Access;

/// <summary>
/// "Nobody gains a right they were not given", as properties of the pure rules over generated actors and targets.
/// The ceiling is modelled here independently of <see cref="AccessRules"/>, so a rule that drifts fails.
/// </summary>
public sealed class RoleCeilingProperties
{
    private static readonly Guid AgencyA = Guid.Parse("0195f3a0-0000-7000-8000-00000000000a");
    private static readonly Guid AgencyB = Guid.Parse("0195f3a0-0000-7000-8000-00000000000b");

    private static readonly Gen<string[]> RoleSets =
        Gen.SubListOf(Roles.All.Order(StringComparer.Ordinal).ToArray()).Select(r => r.ToArray());

    internal static readonly Gen<Actor> Actors =
        from roles in RoleSets
        from agency in Gen.Elements(AgencyA, AgencyB)
        from token in Gen.Elements(true, false)
        from scopes in Gen.SubListOf(Scopes.All.Order(StringComparer.Ordinal).ToArray())
        select new Actor(Guid.NewGuid(), "actor", agency, "X", roles.ToHashSet(StringComparer.Ordinal),
            token ? Guid.NewGuid() : null,
            token ? scopes.Where(Scopes.AllowedFor(roles).Contains).ToHashSet(StringComparer.Ordinal) : null);

    private static readonly Gen<(Actor Actor, Guid Agency, string[] Target, string[] Granted, string[] Scopes)> Cases =
        from actor in Actors
        from agency in Gen.Elements(AgencyA, AgencyB)
        from target in RoleSets
        from granted in RoleSets
        from scopes in Gen.SubListOf(Scopes.All.Order(StringComparer.Ordinal).ToArray())
        select (actor, agency, target, granted, scopes.ToArray());

    /// <summary>The rule, written out: an administrator grants all; a coordinator three roles at home.</summary>
    internal static HashSet<string> Ceiling(Actor actor, Guid agency) =>
        actor.Roles.Contains(Roles.Admin) ? [.. Roles.All]
        : actor.Roles.Contains(Roles.Coordinator) && actor.AgencyId == agency ? [Roles.Officer, Roles.Investigator, Roles.Coordinator]
        : [];

    [Property(MaxTest = 10_000)]
    public Property Whoever_is_acted_on_holds_only_roles_the_actor_could_grant() =>
        Prop.ForAll(Cases.ToArbitrary(), c =>
        {
            var ceiling = Ceiling(c.Actor, c.Agency);
            var within = c.Target.All(ceiling.Contains);
            return (!AccessRules.MayManageUser(c.Actor, c.Agency, c.Target) || within)
                && (!AccessRules.MayManageTokens(c.Actor, c.Agency, c.Target) || within)
                && (!AccessRules.MayRevokeToken(c.Actor, Guid.NewGuid(), c.Agency, c.Target) || within);
        });

    [Property(MaxTest = 10_000)]
    public Property Roles_granted_are_within_the_ceiling_and_the_ceiling_is_granted() =>
        Prop.ForAll(Cases.ToArbitrary(), c =>
        {
            var ceiling = Ceiling(c.Actor, c.Agency);
            var granted = AccessRules.MayGrantRoles(c.Actor, c.Agency, c.Granted);
            var expected = c.Actor.HasScope(Scopes.UsersWrite) && c.Granted.All(ceiling.Contains);
            return granted == expected;
        });

    [Property(MaxTest = 10_000)]
    public Property A_token_never_hands_out_a_scope_it_lacks() =>
        Prop.ForAll(Cases.ToArbitrary(), c =>
            !AccessRules.MayGiveScopes(c.Actor, c.Scopes) || c.Actor.Scopes is null || c.Scopes.All(c.Actor.Scopes.Contains));

    /// <summary>A backup carries the whole register and every secret hash; a restore replaces it all.</summary>
    [Property(MaxTest = 10_000)]
    public Property Only_an_administrator_acting_directly_backs_up_or_restores_the_database() =>
        Prop.ForAll(Actors.ToArbitrary(), actor =>
        {
            var direct = actor.Roles.Contains(Roles.Admin) && actor.TokenId is null && actor.Scopes is null;
            return AccessRules.MayBackUpDatabase(actor) == direct && AccessRules.MayRestoreDatabase(actor) == direct;
        });

    /// <summary>Purging deletes every agency's expired records at once: the operator's work, never a token's.</summary>
    [Property(MaxTest = 10_000)]
    public Property Only_an_administrator_acting_directly_purges_the_register() =>
        Prop.ForAll(Actors.ToArbitrary(), actor =>
            AccessRules.MayPurgeRegister(actor)
            == (actor.Roles.Contains(Roles.Admin) && actor.TokenId is null && actor.Scopes is null));

    /// <summary>The token form is offered exactly to those who could make someone a token under the ceiling.</summary>
    [Property(MaxTest = 10_000)]
    public Property Whoever_is_offered_the_token_form_makes_tokens_only_under_the_ceiling() =>
        Prop.ForAll(Actors.ToArbitrary(), actor =>
            AccessRules.MayCreateTokens(actor)
            == (actor.HasScope(Scopes.TokensWrite) && Ceiling(actor, actor.AgencyId!.Value).Count > 0)
            && AccessRules.MayCreateTokens(actor)
            == AccessRules.MayManageTokens(actor, actor.AgencyId!.Value, [Roles.Officer]));

    /// <summary>A coordinator changes settings only at home; an agency's code and id give the same answer.</summary>
    [Property(MaxTest = 10_000)]
    public Property Agency_settings_change_only_by_an_administrator_or_at_home() =>
        Prop.ForAll(Actors.ToArbitrary(), Gen.Elements(AgencyA, AgencyB).ToArbitrary(), (generated, agency) =>
        {
            var actor = generated with { AgencyCode = CodeOf(generated.AgencyId!.Value) };
            var changes = AccessRules.MayChangeAgencySettings(actor, agency);
            return changes == AccessRules.MayChangeAgencySettings(actor, CodeOf(agency))
                && (!changes || AccessRules.MayManageAgencies(actor)
                    || (actor.Roles.Contains(Roles.Coordinator) && actor.AgencyId == agency));
        });

    /// <summary>Notices to a whole agency are read only by its people whose inbox the rules already open.</summary>
    [Property(MaxTest = 10_000)]
    public Property Agency_notices_reach_only_inbox_readers_who_coordinate_or_hold_rights() =>
        Prop.ForAll(Actors.ToArbitrary(), actor =>
            !AccessRules.MayReadAgencyNotifications(actor)
            || (AccessRules.MayReadInbox(actor)
                && (actor.Roles.Contains(Roles.Coordinator) || actor.Roles.Contains(Roles.RightsHolder))));

    /// <summary>Following an agency's detentions as a whole never reaches past following each one.</summary>
    [Property(MaxTest = 10_000)]
    public Property Following_an_agencys_detentions_is_following_each_of_them() =>
        Prop.ForAll(Actors.ToArbitrary(), Gen.Elements(AgencyA, AgencyB).ToArbitrary(), (actor, agency) =>
            !(AccessRules.MayFollowAgencyAuthentications(actor) && actor.AgencyId == agency)
            || (AccessRules.MayFollowAuthentication(actor, agency, Guid.NewGuid())
                && actor.Roles.Contains(Roles.Coordinator) && !actor.Roles.SetEquals([Roles.RightsHolder])));

    /// <summary>No one holds the rights-holder role beside another: a brand never reads by a second role.</summary>
    [Property(MaxTest = 10_000)]
    public Property No_rights_holder_ever_fits_beside_another_role() =>
        Prop.ForAll(RoleSets.ToArbitrary(), Gen.Elements(Enum.GetValues<AgencyKind>()).ToArbitrary(), (roles, kind) =>
            !AccessRules.RolesFitAgency(kind, roles)
            || (roles.Contains(Roles.RightsHolder)
                ? kind == AgencyKind.RightsHolder && roles.All(r => r == Roles.RightsHolder)
                : kind != AgencyKind.RightsHolder || roles.Length == 0));

    private static string CodeOf(Guid agency) => agency == AgencyA ? "FR-A" : "DE-B";

    /// <summary>A count on the home page is never shown to someone the rules would not let act on what it counts.</summary>
    [Property(MaxTest = 10_000)]
    public Property Work_counts_follow_the_rules_on_the_records_they_count() =>
        Prop.ForAll(Actors.ToArbitrary(), actor =>
            (!AccessRules.MayDecideHits(actor) || AccessRules.MayDecideHit(actor, actor.AgencyId!.Value))
            && (!AccessRules.MayAnswerAuthentications(actor) || AccessRules.MayManageOwnProducts(actor))
            && (!AccessRules.MayAwaitAuthentications(actor)
                || (AccessRules.MayLookUpProducts(actor) && actor.AgencyId is not null))
            // A rights holder's people never see law-enforcement work counts.
            && (!actor.Roles.SetEquals([Roles.RightsHolder])
                || !(AccessRules.MayDecideHits(actor) || AccessRules.MayAwaitAuthentications(actor))));

    /// <summary>A hit case on one agency's record, opened by it or another, the actor a screener or not.</summary>
    private static readonly Gen<(Actor Actor, Guid Owner, Guid Querying, bool Screened)> HitCases =
        from actor in Actors
        from owner in Gen.Elements(AgencyA, AgencyB)
        from querying in Gen.Elements(AgencyA, AgencyB)
        from screened in Gen.Elements(true, false)
        select (actor, owner, querying, screened);

    private static bool Follows(Actor actor) =>
        (actor.HasScope(Scopes.DocumentsScreen) || actor.HasScope(Scopes.DocumentsWrite))
        && (actor.Roles.Contains(Roles.Officer) || actor.Roles.Contains(Roles.Investigator)
            || actor.Roles.Contains(Roles.Coordinator));

    [Property(MaxTest = 10_000)]
    public Property Only_the_owners_coordinators_decide_a_hit_and_its_investigators_never_do() =>
        Prop.ForAll(HitCases.ToArbitrary(), c =>
            AccessRules.MayDecideHit(c.Actor, c.Owner)
            == (c.Actor.Roles.Contains(Roles.Coordinator) && c.Actor.AgencyId == c.Owner
                && c.Actor.HasScope(Scopes.DocumentsWrite)));

    [Property(MaxTest = 10_000)]
    public Property A_hit_case_is_read_only_by_a_party_to_it() =>
        Prop.ForAll(HitCases.ToArbitrary(), c =>
        {
            var (actor, roles) = (c.Actor, c.Actor.Roles);
            var keepsOwnersRegister = actor.AgencyId == c.Owner
                && (roles.Contains(Roles.Coordinator)
                    || (roles.Contains(Roles.Investigator) && actor.HasScope(Scopes.DocumentsWrite)));
            var coordinatesQuerying = actor.AgencyId == c.Querying && roles.Contains(Roles.Coordinator);
            var expected = Follows(actor) && (c.Screened || keepsOwnersRegister || coordinatesQuerying);
            return AccessRules.MayReadHit(actor, c.Owner, c.Querying, c.Screened) == expected;
        });

    /// <summary>Which officer acted is law-enforcement data: only the detaining agency's own people see it.</summary>
    [Property(MaxTest = 10_000)]
    public Property Only_the_detaining_agencys_officers_see_which_officer_acted_never_a_rights_holder() =>
        Prop.ForAll(Actors.ToArbitrary(), Gen.Elements(AgencyA, AgencyB).ToArbitrary(), (actor, agency) =>
            !AccessRules.MaySeeOfficers(actor, agency)
            || (actor.AgencyId == agency && !actor.Roles.SetEquals([Roles.RightsHolder])
                && AccessRules.MayLookUpProducts(actor)));

    [Property(MaxTest = 10_000)]
    public Property Nobody_but_an_administrator_grants_admin_auditor_or_rights_holder() =>
        Prop.ForAll(Actors.ToArbitrary(), Gen.Elements(AgencyA, AgencyB).ToArbitrary(), (actor, agency) =>
            actor.IsInRole(Roles.Admin)
            || !AccessRules.GrantableRoles(actor, agency).Overlaps([Roles.Admin, Roles.Auditor, Roles.RightsHolder]));
}
