using Microsoft.EntityFrameworkCore;
using Passerelle.Core.Common;
using Passerelle.Core.Data;
using Passerelle.Core.Trust.Access;
using Passerelle.Core.Trust.Audit;

namespace Passerelle.Core.Trust.Tokens;

public sealed class RevokeToken(
    PasserelleDb db, AuditedChange audited, AuditWriter audit, TimeProvider time, TokenCache cache)
{
    public async Task<Result<DateTime>> HandleAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var found = await (
            from token in db.ApiTokens
            join user in db.Users on token.UserId equals user.Id
            where token.Id == id
            select new { token, user.AgencyId }).FirstOrDefaultAsync(ct);
        if (found is null)
        {
            return TokenErrors.NotFound.With($"No token has id {id}.");
        }

        var ownerRoles = await People.PersonRoles.ListAsync(db, found.token.UserId, ct);
        if (!AccessRules.MayRevokeToken(actor, found.token.UserId, found.AgencyId, ownerRoles))
        {
            return await audit.DenyAsync(actor, AuditTarget.Token(id), ct, People.AddUser.CeilingMessage);
        }

        found.token.RevokedAt ??= time.UtcNow();
        await audited.CommitAsync(
            db, AuditRecord.For(actor, AuditEvent.TokenRevoked, target: AuditTarget.Token(id)), ct);
        cache.ForgetToken(id);
        return found.token.RevokedAt.Value;
    }
}
