using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Passerelle.Core.Common;
using Passerelle.Core.Data;
using Passerelle.Core.Trust.Access;
using Passerelle.Core.Trust.Audit;

namespace Passerelle.Core.Trust.People;

public sealed record ChangeUserRolesRequest(IReadOnlyList<string>? Roles);

/// <summary>
/// Gives a person another set of roles, within the ceiling on both sides: the actor could grant every role the
/// person holds now and every role they will hold. Their sessions and cached tokens pick the change up at once.
/// </summary>
public sealed class ChangeUserRoles(
    PasserelleDb db, UserManager<User> users, AuditedChange audited, AuditWriter audit, Tokens.TokenCache cache,
    TimeProvider time)
{
    public async Task<Result<UserSummary>> HandleAsync(
        Actor actor, string login, ChangeUserRolesRequest request, CancellationToken ct)
    {
        var normalized = login.Trim().ToLowerInvariant();
        var user = await users.Users.Include(u => u.Agency).FirstOrDefaultAsync(u => u.UserName == normalized, ct);
        if (user is null)
        {
            return PeopleErrors.NotFound.With($"No user has login {normalized}.");
        }

        var roles = (request.Roles ?? [])
            .Select(r => r?.Trim().ToLowerInvariant() ?? "")
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        var unknown = new Validation()
            .Require(roles.Count > 0, "roles", PeopleErrors.Roles, "Give at least one role.")
            .Require(roles.All(Roles.All.Contains), "roles", PeopleErrors.Roles,
                $"Roles are among {string.Join(", ", Roles.All)}.")
            .ToError();
        if (unknown is not null)
        {
            return unknown;
        }

        var current = await PersonRoles.ListAsync(db, user.Id, ct);
        if (!AccessRules.MayManageUser(actor, user.AgencyId, current)
            || !AccessRules.MayGrantRoles(actor, user.AgencyId, roles))
        {
            return await audit.DenyAsync(actor, AuditTarget.User(normalized), ct, AddUser.CeilingMessage);
        }

        var invalid = new Validation()
            .Require(user.Id != actor.UserId, "roles", PeopleErrors.RolesSelf,
                "Another person with the right changes your roles.")
            .Require(AccessRules.RolesFitAgency(user.Agency!.Kind, roles), "roles", PeopleErrors.RolesAgency,
                "A rights holder's people hold the rights-holder role alone; no one else may hold it.")
            .ToError();
        if (invalid is not null)
        {
            return invalid;
        }

        await using var change = await audited.BeginAsync(db, ct);
        await users.RemoveFromRolesAsync(user, current.Except(roles, StringComparer.Ordinal)).MustSucceed();
        await users.AddToRolesAsync(user, roles.Except(current, StringComparer.Ordinal)).MustSucceed();
        await users.UpdateSecurityStampAsync(user).MustSucceed();
        // A token whose scopes the new roles no longer allow stops now, so a later promotion revives nothing.
        var allowed = Scopes.AllowedFor(roles);
        var live = await db.ApiTokens.Where(t => t.UserId == user.Id && t.RevokedAt == null).ToListAsync(ct);
        var now = time.UtcNow();
        var outgrown = live.Where(t =>
            t.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(s => !allowed.Contains(s)));
        foreach (var token in outgrown)
        {
            token.RevokedAt = now;
        }

        await change.CommitAsync(AuditRecord.For(
            actor, AuditEvent.UserRolesChanged, target: AuditTarget.User(normalized),
            details: AuditDetails.With("from", current).And("to", roles)), ct);
        cache.ForgetUser(user.Id);
        return new UserSummary(
            user.Id, normalized, user.Agency.Code, roles, user.TwoFactorEnabled, user.DisabledAt is not null,
            user.CreatedAt, user.AgencyId);
    }
}
