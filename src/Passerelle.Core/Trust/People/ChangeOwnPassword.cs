using Microsoft.AspNetCore.Identity;
using Passerelle.Core.Common;
using Passerelle.Core.Data;
using Passerelle.Core.Trust.Access;
using Passerelle.Core.Trust.Audit;

namespace Passerelle.Core.Trust.People;

public sealed record ChangeOwnPasswordRequest(string? CurrentPassword, string? NewPassword);

/// <summary>
/// A person replaces their password, proving the current one; the policy applies, and the new one must differ.
/// This is also how a password set by someone else stops being known to them.
/// </summary>
public sealed class ChangeOwnPassword(
    PasserelleDb db, UserManager<User> users, AuditedChange audited, AuditWriter audit)
{
    public async Task<Result<string>> HandleAsync(Actor actor, ChangeOwnPasswordRequest request, CancellationToken ct)
    {
        var user = actor.UserId is { } id ? await users.FindByIdAsync(id.ToString()) : null;
        if (user is null || user.DisabledAt is not null)
        {
            return await audit.DenyAsync(actor, "password", ct, "Only a signed-in person changes their own password.");
        }

        var invalid = new Validation()
            .Require(!string.IsNullOrEmpty(request.CurrentPassword), "currentPassword", PeopleErrors.CurrentPassword,
                "Enter your current password.")
            .Require(!string.IsNullOrEmpty(request.NewPassword), "newPassword", PeopleErrors.NewPassword,
                "Enter a new password.")
            .Require(request.NewPassword != request.CurrentPassword, "newPassword", PeopleErrors.PasswordUnchanged,
                "The new password must differ from the current one.")
            .ToError();
        if (invalid is not null)
        {
            return invalid;
        }

        // Guesses at the current password count toward the same lockout as sign-in, so a stolen token or an
        // unattended session cannot try passwords without end.
        if (await users.IsLockedOutAsync(user))
        {
            await audit.AppendAsync(AuditRecord.For(
                actor, AuditEvent.PasswordChangeFailed, Outcomes.Denied, target: AuditTarget.User(user.UserName!),
                details: AuditDetails.With("reason", "locked out")), ct);
            return PeopleErrors.LockedOut.With(
                "This account is locked. Try again later or ask your coordinator.", "currentPassword");
        }

        if (!await users.CheckPasswordAsync(user, request.CurrentPassword!))
        {
            await users.AccessFailedAsync(user);
            await audit.AppendAsync(AuditRecord.For(
                actor, AuditEvent.PasswordChangeFailed, Outcomes.Failure, target: AuditTarget.User(user.UserName!),
                details: AuditDetails.With("reason", "wrong current password")), ct);
            return PeopleErrors.CurrentPasswordWrong.With("The current password is wrong.", "currentPassword");
        }

        await using var change = await audited.BeginAsync(db, ct);
        var changed = await users.ChangePasswordAsync(user, request.CurrentPassword!, request.NewPassword!);
        if (!changed.Succeeded)
        {
            return PeopleErrors.NewPasswordPolicy.With(
                string.Join(" ", changed.Errors.Select(e => e.Description)), "newPassword");
        }

        user.MustChangePassword = false;
        await users.ResetAccessFailedCountAsync(user);
        await users.UpdateAsync(user).MustSucceed();
        await change.CommitAsync(
            AuditRecord.For(actor, AuditEvent.PasswordChanged, target: AuditTarget.User(user.UserName!)), ct);
        return user.UserName!;
    }
}
