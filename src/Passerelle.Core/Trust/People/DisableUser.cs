using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Passerelle.Core.Common;
using Passerelle.Core.Data;
using Passerelle.Core.Trust.Access;
using Passerelle.Core.Trust.Audit;

namespace Passerelle.Core.Trust.People;

/// <summary>
/// Stops a person at once: no new sign-in, their sessions end at the next security-stamp check, and their tokens are
/// refused because their owner is disabled.
/// </summary>
public sealed class DisableUser(
    PasserelleDb db, UserManager<User> users, AuditedChange audited, AuditWriter audit, TimeProvider time,
    Tokens.TokenCache cache)
{
    public async Task<Result<UserSummary>> HandleAsync(Actor actor, string login, CancellationToken ct)
    {
        var normalized = login.Trim().ToLowerInvariant();
        var user = await users.Users.Include(u => u.Agency).FirstOrDefaultAsync(u => u.UserName == normalized, ct);
        if (user is null)
        {
            return PeopleErrors.NotFound.With($"No user has login {normalized}.");
        }

        var roles = await PersonRoles.ListAsync(db, user.Id, ct);
        if (!AccessRules.MayManageUser(actor, user.AgencyId, roles))
        {
            return await audit.DenyAsync(actor, AuditTarget.User(normalized), ct, AddUser.CeilingMessage);
        }

        if (user.Id == actor.UserId)
        {
            return PeopleErrors.DisableSelf.With("You cannot disable your own account.");
        }

        await using var change = await audited.BeginAsync(db, ct);
        if (user.DisabledAt is null)
        {
            user.DisabledAt = time.UtcNow();
            user.LockoutEnabled = true;
            user.LockoutEnd = DateTimeOffset.MaxValue;
            await users.UpdateSecurityStampAsync(user);
        }

        await change.CommitAsync(
            AuditRecord.For(actor, AuditEvent.UserDisabled, target: AuditTarget.User(normalized)), ct);
        cache.ForgetUser(user.Id);
        return new UserSummary(
            user.Id, normalized, user.Agency!.Code, [.. roles.Order(StringComparer.Ordinal)], user.TwoFactorEnabled,
            true, user.CreatedAt, user.AgencyId);
    }
}
