using Microsoft.EntityFrameworkCore;
using Passerelle.Core.Common;
using Passerelle.Core.Data;
using Passerelle.Core.Trust.Access;
using Passerelle.Core.Trust.Audit;

namespace Passerelle.Core.Trust.Tokens;

/// <summary>
/// Turns a bearer token into an actor, or refuses it. A revoked token, or one whose owner is disabled, is refused on
/// its next use on this node and within two seconds on the others (see <see cref="TokenCache"/>); an expired one at
/// once. Every refusal is audited: of a real token one entry each, of junk (malformed or unknown) a count per address
/// and minute (see <see cref="TokenRefusals"/>). Use is audited when the last-used time moves, at most once a minute
/// per token, and every operation done with a token records the token in its own audit entry.
/// </summary>
public sealed class AuthenticateToken(
    PasserelleDb db, AuditWriter audit, TimeProvider time, TokenCache cache, TokenRefusals junk)
{
    private static readonly TimeSpan LastUsedGranularity = TimeSpan.FromMinutes(1);

    public async Task<Result<Actor>> HandleAsync(string token, string? source, CancellationToken ct)
    {
        if (!TokenSecret.LooksValid(token))
        {
            return await RefuseAsync(
                null, "malformed", TokenErrors.Malformed, "The bearer token is not a Passerelle token.", source, ct);
        }

        var hash = TokenSecret.Hash(token);
        if (cache.TryGet(hash, out var known, out var expires))
        {
            return expires > time.UtcNow()
                ? known with { Source = source }
                : await RefuseAsync(
                    known.TokenId, TokenSecret.Prefix(token), TokenErrors.Expired, "The bearer token has expired.",
                    source, ct);
        }

        var found = await (
            from t in db.ApiTokens.AsNoTracking()
            join u in db.Users on t.UserId equals u.Id
            join a in db.Agencies on u.AgencyId equals a.Id
            where t.Hash == hash
            select new
            {
                Token = t,
                Login = u.UserName!,
                u.DisabledAt,
                u.AgencyId,
                AgencyCode = a.Code,
                Roles = db.UserRoles
                    .Where(ur => ur.UserId == u.Id)
                    .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!)
                    .ToList(),
            }).FirstOrDefaultAsync(ct);
        var now = time.UtcNow();
        if (found is null)
        {
            return await RefuseAsync(
                null, TokenSecret.Prefix(token), TokenErrors.Unknown, "The bearer token is not known.", source, ct);
        }

        var why = found.Token.RevokedAt is not null ? (TokenErrors.Revoked, "The bearer token has been revoked.")
            : found.Token.ExpiresAt <= now ? (TokenErrors.Expired, "The bearer token has expired.")
            : found.DisabledAt is not null ? (TokenErrors.OwnerDisabled, "The bearer token's user is disabled.")
            : default;
        if (why.Item1 is not null)
        {
            return await RefuseAsync(found.Token.Id, found.Token.Prefix, why.Item1, why.Item2, source, ct);
        }

        var actor = new Actor(
            found.Token.UserId, found.Login, found.AgencyId, found.AgencyCode,
            found.Roles.ToHashSet(StringComparer.Ordinal), found.Token.Id,
            found.Token.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal),
            source);
        if (found.Token.LastUsedAt is not { } last || now - last >= LastUsedGranularity)
        {
            await db.ApiTokens
                .Where(t => t.Id == found.Token.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), ct);
            await audit.AppendAsync(
                AuditRecord.For(actor, AuditEvent.TokenUsed, target: AuditTarget.Token(found.Token.Id)), ct);
        }

        cache.Remember(hash, actor, found.Token.ExpiresAt);
        return actor;
    }

    private async Task<Result<Actor>> RefuseAsync(
        Guid? tokenId, string prefix, ErrorCode code, string message, string? source, CancellationToken ct)
    {
        IReadOnlyList<AuditRecord> records = tokenId is { } id
            ? [new AuditRecord(AuditEvent.TokenRejected, Outcomes.Denied, null, null, null, tokenId,
                Target: AuditTarget.Token(id), Details: AuditDetails.With("reason", code.Code), Source: source)]
            : junk.Count(source, prefix, code.Code);
        await audit.AppendAsync(records, ct);
        return code.With(message);
    }
}
