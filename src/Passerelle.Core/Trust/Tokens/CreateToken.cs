using Microsoft.EntityFrameworkCore;
using Passerelle.Core.Common;
using Passerelle.Core.Data;
using Passerelle.Core.Trust.Access;
using Passerelle.Core.Trust.Audit;

namespace Passerelle.Core.Trust.Tokens;

public sealed record CreateTokenRequest(string? User, IReadOnlyList<string>? Scopes, int? ExpiresInDays, string? Name);

/// <param name="Token">The secret itself. It is shown this once and never again.</param>
public sealed record CreatedToken(
    Guid Id, string Token, string Name, string User, IReadOnlyList<string> Scopes, DateTime ExpiresAt);

public sealed class CreateToken(PasserelleDb db, AuditedChange audited, AuditWriter audit, TimeProvider time)
{
    public const int DefaultDays = 90;
    public const int MaxDays = 366;

    public async Task<Result<CreatedToken>> HandleAsync(Actor actor, CreateTokenRequest request, CancellationToken ct)
    {
        var login = request.User?.Trim().ToLowerInvariant() ?? "";
        var owner = await db.Users.AsNoTracking()
            .Where(u => u.UserName == login)
            .Select(u => new { u.Id, u.AgencyId, u.DisabledAt })
            .FirstOrDefaultAsync(ct);
        if (owner is null)
        {
            return TokenErrors.User.With($"No user has login '{login}'.", "user");
        }

        var ownerRoles = await People.PersonRoles.ListAsync(db, owner.Id, ct);
        if (!AccessRules.MayManageTokens(actor, owner.AgencyId, ownerRoles))
        {
            return await audit.DenyAsync(actor, AuditTarget.User(login), ct, People.AddUser.CeilingMessage);
        }

        var scopes = (request.Scopes ?? [])
            .Select(s => s?.Trim().ToLowerInvariant() ?? "")
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

        var allowed = Access.Scopes.AllowedFor(ownerRoles);
        var days = request.ExpiresInDays ?? DefaultDays;
        var name = string.IsNullOrWhiteSpace(request.Name) ? $"{login}-{time.UtcNow():yyyyMMdd}" : request.Name.Trim();
        var invalid = new Validation()
            .Require(owner.DisabledAt is null, "user", TokenErrors.UserDisabled, $"{login} is disabled.")
            .Require(scopes.Count > 0, "scopes", TokenErrors.Scopes, "Give at least one scope.")
            .Require(scopes.All(Access.Scopes.All.Contains), "scopes", TokenErrors.ScopeUnknown,
                $"Scopes are among {string.Join(", ", Access.Scopes.All.Order(StringComparer.Ordinal))}.")
            .Require(scopes.All(s => !Access.Scopes.All.Contains(s) || allowed.Contains(s)), "scopes",
                TokenErrors.ScopeNotAllowed, $"{login}'s roles allow only: {Listed(allowed)}.")
            .Require(days is >= 1 and <= MaxDays, "expiresInDays", TokenErrors.Expiry,
                $"A token expires after 1 to {MaxDays} days.")
            .Require(name.Length <= 100, "name", TokenErrors.Name, "The name is at most 100 characters.")
            .ToError();
        if (invalid is not null)
        {
            return invalid;
        }

        if (!AccessRules.MayGiveScopes(actor, scopes))
        {
            return await audit.DenyAsync(
                actor, AuditTarget.User(login), ct, "A token makes tokens with at most its own scopes.");
        }

        var secret = TokenSecret.New();
        var now = time.UtcNow();
        var expires = now.AddDays(days);
        // A token made by a token lives no longer than its maker, so stopping a leak by expiry stops its offspring too.
        if (actor.TokenId is { } maker
            && await db.ApiTokens
                .Where(t => t.Id == maker)
                .Select(t => (DateTime?)t.ExpiresAt)
                .FirstOrDefaultAsync(ct) is { } makerExpires
            && makerExpires < expires)
        {
            expires = makerExpires;
        }

        var token = new ApiToken
        {
            Id = Guid.CreateVersion7(),
            UserId = owner.Id,
            Name = name,
            Prefix = TokenSecret.Prefix(secret),
            Hash = TokenSecret.Hash(secret),
            Scopes = string.Join(' ', scopes),
            CreatedAt = now,
            CreatedBy = actor.Login,
            ExpiresAt = expires,
        };
        db.ApiTokens.Add(token);
        var details = AuditDetails.With("user", login).And("scopes", token.Scopes).And("expires", token.ExpiresAt);
        await audited.CommitAsync(db, AuditRecord.For(
            actor, AuditEvent.TokenCreated, target: AuditTarget.Token(token.Id), details: details), ct);
        return new CreatedToken(token.Id, secret, name, login, scopes, token.ExpiresAt);
    }

    private static string Listed(IReadOnlySet<string> scopes) =>
        scopes.Count == 0 ? "none" : string.Join(", ", scopes.Order(StringComparer.Ordinal));
}
