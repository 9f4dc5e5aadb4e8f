using System.Net;
using System.Net.Http.Json;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.EntityFrameworkCore;
using Passerelle.Core.Trust.Access;
using Passerelle.IntegrationTests.Support;

namespace Passerelle.IntegrationTests.Foundation;

/// <summary>
/// "Nobody gains a right they were not given", over generated worlds through the real API: an actor of some roles,
/// with a token of some of its scopes, does one thing to people, roles or tokens of its own or another agency. After
/// it, every person made, changed, reset, disabled or given a token holds only roles the actor could grant, every new
/// token carries only scopes the actor's token held, and a refusal changed nothing and is in the audit trail. The
/// ceiling is written out here, not borrowed from <see cref="AccessRules"/>, so the rules are checked, not restated.
/// </summary>
public sealed class EscalationPropertyTests
{
    private const int Cases = 150;
    private static readonly string[] LawEnforcementRoles = [Roles.Admin, Roles.Auditor, Roles.Coordinator, Roles.Investigator, Roles.Officer];

    public enum Operation
    {
        AddUser,
        CreateToken,
        Disable,
        Reset,
        ChangeRoles,
        Revoke,
    }

    public sealed record Scenario(
        string[] ActorRoles, string ActorAgency, string[] ActorScopes, Operation Operation, string TargetAgency, string[] TargetRoles,
        string[] NewRoles, string[] TokenScopes)
    {
        public override string ToString() =>
            $"{string.Join('+', ActorRoles)}@{ActorAgency} [{string.Join(' ', ActorScopes)}] {Operation} on " +
            $"{string.Join('+', TargetRoles)}@{TargetAgency} roles=[{string.Join(',', NewRoles)}] scopes=[{string.Join(' ', TokenScopes)}]";
    }

    private static Gen<string[]> SomeOf(string[] items) => Gen.SubListOf(items).Where(l => l.Count > 0).Select(l => l.ToArray());

    private static readonly Gen<string[]> Roleset =
        Gen.OneOf(Gen.Elements(LawEnforcementRoles).Select(r => new[] { r }), SomeOf(LawEnforcementRoles));

    private static readonly Gen<Scenario> Scenarios =
        // Single roles and full tokens are the common case at a real agency, so they are drawn often.
        from actorRoles in Gen.OneOf(
            Gen.Elements(LawEnforcementRoles).Select(r => new[] { r }), SomeOf(LawEnforcementRoles), Gen.Constant(new[] { Roles.RightsHolder }))
        from actorAgency in actorRoles.Contains(Roles.RightsHolder) ? Gen.Constant("RH-A") : Gen.Elements("FR-A", "FR-B")
        from actorScopes in Gen.OneOf(
            Gen.Constant(Scopes.AllowedFor(actorRoles).Order(StringComparer.Ordinal).ToArray()),
            SomeOf([.. Scopes.AllowedFor(actorRoles).Order(StringComparer.Ordinal)]))
        from operation in Gen.Elements(Enum.GetValues<Operation>())
        from targetAgency in Gen.Elements("FR-A", "FR-A", "FR-B", "RH-A")
        from targetRoles in targetAgency == "RH-A" ? Gen.Constant(new[] { Roles.RightsHolder }) : Roleset
        from newRoles in targetAgency == "RH-A" ? Gen.Constant(new[] { Roles.RightsHolder }) : Roleset
        from tokenScopes in SomeOf([.. Scopes.AllowedFor(targetRoles).Order(StringComparer.Ordinal)])
        select new Scenario(actorRoles, actorAgency, actorScopes, operation, targetAgency, targetRoles, newRoles, tokenScopes);

    /// <summary>What the issue says an actor may grant in an agency.</summary>
    private static HashSet<string> Ceiling(Scenario s) =>
        s.ActorRoles.Contains(Roles.Admin) ? [.. Roles.All]
        : s.ActorRoles.Contains(Roles.Coordinator) && s.ActorAgency == s.TargetAgency ? [Roles.Officer, Roles.Investigator, Roles.Coordinator]
        : [];

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task No_operation_on_people_roles_or_tokens_leaves_anyone_with_a_right_the_actor_could_not_grant(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        await app.AddAgencyAsync("FR-A");
        await app.AddAgencyAsync("FR-B", "police");
        await app.AddAgencyAsync("RH-A", "rights-holder");
        var failures = new List<string>();
        var changes = 0;
        var refusals = 0;
        var n = 0;
        foreach (var scenario in Gen.Sample(Scenarios, Cases, 10))
        {
            n++;
            var (changed, failure) = await RunAsync(app, scenario, n);
            changes += changed ? 1 : 0;
            refusals += changed ? 0 : 1;
            if (failure is not null)
            {
                failures.Add($"{scenario}: {failure}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {n} cases failed:\n" + string.Join("\n", failures));
        Assert.Equal(Cases, n);
        // The property means little unless the generated worlds both allowed and refused operations.
        Assert.True(changes > 10 && refusals > 10, $"{changes} operations allowed, {refusals} refused");
    }

    private static async Task<(bool Changed, string? Failure)> RunAsync(TestApp app, Scenario s, int n)
    {
        var actor = await app.AddUserAsync(s.ActorAgency, $"actor{n}", s.ActorRoles);
        var client = app.ClientWithToken(await app.TokenAsync(actor.Login, s.ActorScopes));
        var target = await app.AddUserAsync(s.TargetAgency, $"target{n}", s.TargetRoles);
        await app.TokenAsync(target.Login, s.TokenScopes);
        var before = await SnapshotAsync(app, target.Id);
        var denialsBefore = await DenialsAsync(app, actor.Login);

        var response = s.Operation switch
        {
            Operation.AddUser => await client.PostAsJsonAsync("/api/v1/users",
                new { agency = s.TargetAgency, login = $"made{n}", roles = s.NewRoles, password = TestApp.Password }),
            Operation.CreateToken => await client.PostAsJsonAsync("/api/v1/tokens", new { user = target.Login, scopes = s.TokenScopes }),
            Operation.Disable => await client.PostAsync($"/api/v1/users/{target.Login}/disable", null),
            Operation.Reset => await client.PostAsync($"/api/v1/users/{target.Login}/reset", null),
            Operation.ChangeRoles => await client.PutAsJsonAsync($"/api/v1/users/{target.Login}/roles", new { roles = s.NewRoles }),
            Operation.Revoke => await client.DeleteAsync($"/api/v1/tokens/{before.TokenIds[0]}"),
            _ => throw new ArgumentOutOfRangeException(nameof(s)),
        };

        var after = await SnapshotAsync(app, target.Id);
        await using var context = app.NewContext();
        var made = await context.Users.Where(u => u.UserName == $"made{n}")
            .Select(u => context.UserRoles.Where(ur => ur.UserId == u.Id).Join(context.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList())
            .FirstOrDefaultAsync();
        var changed = made is not null || !before.SameAs(after);

        if (response.StatusCode == HttpStatusCode.Forbidden)
        {
            return changed ? (true, "refused with 403 but the world changed")
                : await DenialsAsync(app, actor.Login) > denialsBefore ? (false, null) : (false, "refusal not audited");
        }

        if (!response.IsSuccessStatusCode)
        {
            return changed ? (true, $"answered {(int)response.StatusCode} but the world changed") : (false, null);
        }

        var ceiling = Ceiling(s);
        var actedOn = made ?? [.. before.Roles.Union(after.Roles, StringComparer.Ordinal)];
        if (!actedOn.All(ceiling.Contains))
        {
            return (true, $"answered {(int)response.StatusCode}: acted on roles [{string.Join(',', actedOn)}] beyond the ceiling [{string.Join(',', ceiling)}]");
        }

        var newScopes = after.Tokens.Where(t => !before.Tokens.Any(b => b.Id == t.Id)).SelectMany(t => t.Scopes);
        if (!newScopes.All(s.ActorScopes.Contains))
        {
            return (true, "a token was made with a scope the actor's token lacked");
        }

        return (changed, changed ? null : $"answered {(int)response.StatusCode} and nothing changed");
    }

    private sealed record Token(Guid Id, string[] Scopes, bool Revoked);

    private sealed record Snapshot(string[] Roles, bool Disabled, string Stamp, string? PasswordHash, IReadOnlyList<Token> Tokens)
    {
        public Guid[] TokenIds => [.. Tokens.Select(t => t.Id)];

        public bool SameAs(Snapshot other) =>
            Roles.SequenceEqual(other.Roles) && Disabled == other.Disabled && Stamp == other.Stamp && PasswordHash == other.PasswordHash
            && Tokens.Select(t => (t.Id, t.Revoked)).SequenceEqual(other.Tokens.Select(t => (t.Id, t.Revoked)));
    }

    private static async Task<Snapshot> SnapshotAsync(TestApp app, Guid userId)
    {
        await using var context = app.NewContext();
        var user = await context.Users.AsNoTracking().SingleAsync(u => u.Id == userId);
        var roles = await context.UserRoles.Where(ur => ur.UserId == userId).Join(context.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!)
            .OrderBy(r => r).ToArrayAsync();
        var tokens = await context.ApiTokens.AsNoTracking().Where(t => t.UserId == userId).OrderBy(t => t.CreatedAt).ToListAsync();
        return new Snapshot(roles, user.DisabledAt is not null, user.SecurityStamp ?? "", user.PasswordHash,
            [.. tokens.Select(t => new Token(t.Id, t.Scopes.Split(' '), t.RevokedAt is not null))]);
    }

    private static async Task<int> DenialsAsync(TestApp app, string login)
    {
        await using var context = app.NewContext();
        return await context.AuditEntries.CountAsync(e => e.Operation == "access.denied" && e.Login == login);
    }
}
