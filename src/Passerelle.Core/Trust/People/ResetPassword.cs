using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Passerelle.Core.Common;
using Passerelle.Core.Data;
using Passerelle.Core.Trust.Access;
using Passerelle.Core.Trust.Audit;

namespace Passerelle.Core.Trust.People;

/// <param name="OneTimePassword">
/// Shown this once to the one who reset it, to hand over; the person must replace it.
/// </param>
public sealed record PasswordResetDone(string Login, string OneTimePassword);

/// <summary>
/// An administrator, or a coordinator within the role ceiling, gives a person a one-time password: the person must
/// change it at next sign-in and enrol their second factor again, and their sessions, tokens and lockout end now.
/// </summary>
public sealed class ResetPassword(
    PasserelleDb db, UserManager<User> users, AuditedChange audited, AuditWriter audit, Tokens.TokenCache cache,
    TimeProvider time)
{
    public async Task<Result<PasswordResetDone>> HandleAsync(Actor actor, string login, CancellationToken ct)
    {
        var normalized = login.Trim().ToLowerInvariant();
        var user = await users.Users.FirstOrDefaultAsync(u => u.UserName == normalized, ct);
        if (user is null)
        {
            return PeopleErrors.NotFound.With($"No user has login {normalized}.");
        }

        if (!AccessRules.MayManageUser(actor, user.AgencyId, await PersonRoles.ListAsync(db, user.Id, ct)))
        {
            return await audit.DenyAsync(actor, AuditTarget.User(normalized), ct, AddUser.CeilingMessage);
        }

        if (user.Id == actor.UserId)
        {
            return PeopleErrors.ResetSelf.With("Change your own password under Your password instead.");
        }

        var password = NewPassword(users.Options.Password.RequiredLength);
        await using var change = await audited.BeginAsync(db, ct);
        await users.RemovePasswordAsync(user).MustSucceed();
        await users.AddPasswordAsync(user, password).MustSucceed();
        user.MustChangePassword = true;
        await users.SetTwoFactorEnabledAsync(user, false).MustSucceed();
        await users.ResetAuthenticatorKeyAsync(user).MustSucceed();
        await users.ResetAccessFailedCountAsync(user).MustSucceed();
        if (user.DisabledAt is null)
        {
            await users.SetLockoutEndDateAsync(user, null).MustSucceed();
        }

        await users.UpdateSecurityStampAsync(user).MustSucceed();
        // A reset answers a compromised account: whatever tokens were made for it stop with the old password.
        var now = time.UtcNow();
        var revoked = await db.ApiTokens.Where(t => t.UserId == user.Id && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), ct);
        var details = AuditDetails.With("oneTimePassword", "issued")
            .And("secondFactor", "cleared")
            .And("tokensRevoked", revoked);
        var target = AuditTarget.User(normalized);
        await change.CommitAsync(
            AuditRecord.For(actor, AuditEvent.PasswordReset, target: target, details: details), ct);
        cache.ForgetUser(user.Id);
        return new PasswordResetDone(normalized, password);
    }

    /// <summary>Twenty random characters with every class the policy asks for.</summary>
    internal static string NewPassword(int minLength)
    {
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", lower = "abcdefghijkmnpqrstuvwxyz";
        const string digits = "23456789", symbols = "-!#%+=";
        const string all = upper + lower + digits + symbols;
        var length = Math.Max(20, minLength);
        var chars = new char[length];
        chars[0] = upper[RandomNumberGenerator.GetInt32(upper.Length)];
        chars[1] = lower[RandomNumberGenerator.GetInt32(lower.Length)];
        chars[2] = digits[RandomNumberGenerator.GetInt32(digits.Length)];
        chars[3] = symbols[RandomNumberGenerator.GetInt32(symbols.Length)];
        for (var i = 4; i < length; i++)
        {
            chars[i] = all[RandomNumberGenerator.GetInt32(all.Length)];
        }

        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }
}
