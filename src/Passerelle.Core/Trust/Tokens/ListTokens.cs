using Microsoft.EntityFrameworkCore;
using Passerelle.Core.Common;
using Passerelle.Core.Data;
using Passerelle.Core.Trust.Access;
using Passerelle.Core.Trust.Audit;

namespace Passerelle.Core.Trust.Tokens;

public sealed record TokenSummary(
    Guid Id, string Name, string Prefix, string User, string Agency, IReadOnlyList<string> Scopes,
    DateTime CreatedAt, string CreatedBy, DateTime ExpiresAt, DateTime? LastUsedAt, DateTime? RevokedAt);

public sealed class ListTokens(PasserelleDb db, AuditWriter audit)
{
    /// <summary>
    /// The tokens the actor may see: its own, its agency's for a coordinator, everyone's for an administrator.
    /// </summary>
    public async Task<Result<IReadOnlyList<TokenSummary>>> HandleAsync(Actor actor, CancellationToken ct)
    {
        var visibility = AccessRules.TokensVisibleTo(actor);
        if (visibility == TokenVisibility.None)
        {
            return await audit.DenyAsync(actor, "tokens", ct);
        }

        var query =
            from token in db.ApiTokens.AsNoTracking()
            join user in db.Users on token.UserId equals user.Id
            join agency in db.Agencies on user.AgencyId equals agency.Id
            select new { token, Login = user.UserName!, user.AgencyId, AgencyCode = agency.Code };
        query = visibility switch
        {
            TokenVisibility.All => query,
            TokenVisibility.Agency => query.Where(r => r.token.UserId == actor.UserId || r.AgencyId == actor.AgencyId),
            _ => query.Where(r => r.token.UserId == actor.UserId),
        };
        var rows = await query.OrderByDescending(r => r.token.CreatedAt).ToListAsync(ct);
        var visible = rows
            .Select(r => new TokenSummary(r.token.Id, r.token.Name, r.token.Prefix, r.Login, r.AgencyCode,
                r.token.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries), r.token.CreatedAt, r.token.CreatedBy,
                r.token.ExpiresAt, r.token.LastUsedAt, r.token.RevokedAt))
            .ToList();
        await audit.AppendAsync(AuditRecord.For(actor, AuditEvent.TokensListed, target: "tokens",
            purpose: "token-management", details: AuditDetails.With("shown", visible.Count)), ct);
        return visible;
    }
}
