using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Passerelle.Core.Common;
using Passerelle.Core.Data;
using Passerelle.Core.Trust.Access;
using Passerelle.Core.Trust.Audit;

namespace Passerelle.Core.Trust.People;

public sealed record AddUserRequest(string? Agency, string? Login, IReadOnlyList<string>? Roles, string? Password);

public sealed record UserSummary(
    Guid Id, string Login, string Agency, IReadOnlyList<string> Roles, bool TotpEnabled, bool Disabled,
    DateTime CreatedAt, Guid AgencyId);

public sealed partial class AddUser(
    PasserelleDb db, UserManager<User> users, AuditedChange audited, AuditWriter audit, TimeProvider time)
{
    public async Task<Result<UserSummary>> HandleAsync(Actor actor, AddUserRequest request, CancellationToken ct)
    {
        var agencyCode = request.Agency?.Trim().ToUpperInvariant() ?? "";
        var agency = await db.Agencies.AsNoTracking().FirstOrDefaultAsync(a => a.Code == agencyCode, ct);
        if (agency is null)
        {
            return PeopleErrors.Agency.With($"No agency has code '{agencyCode}'.", "agency");
        }

        var login = request.Login?.Trim().ToLowerInvariant() ?? "";
        var roles = (request.Roles ?? [])
            .Select(r => r?.Trim().ToLowerInvariant() ?? "")
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var unknownRoles = new Validation()
            .Require(roles.Count > 0, "roles", PeopleErrors.Roles, "Give at least one role.")
            .Require(roles.All(Access.Roles.All.Contains), "roles", PeopleErrors.Roles,
                $"Roles are among {string.Join(", ", Access.Roles.All)}.")
            .ToError();
        if (unknownRoles is not null)
        {
            return unknownRoles;
        }

        if (!AccessRules.MayGrantRoles(actor, agency.Id, roles)
            || !AccessRules.MayManageUser(actor, agency.Id, roles))
        {
            return await audit.DenyAsync(actor, AuditTarget.Agency(agency.Code), ct, CeilingMessage);
        }

        var invalid = new Validation()
            .Require(LoginPattern().IsMatch(login), "login", PeopleErrors.Login,
                "The login is 2 to 64 lower-case letters, digits, dots, hyphens or underscores.")
            .Require(AccessRules.RolesFitAgency(agency.Kind, roles), "roles", PeopleErrors.RolesAgency,
                "A rights holder's people hold the rights-holder role alone; no one else may hold it.")
            .Require(!string.IsNullOrEmpty(request.Password), "password", PeopleErrors.Password,
                "A password is required.")
            .ToError();
        if (invalid is not null)
        {
            return invalid;
        }

        if (await users.FindByNameAsync(login) is not null)
        {
            return PeopleErrors.Duplicate.With($"A user with login {login} already exists.");
        }

        var user = new User
        {
            Id = Guid.CreateVersion7(),
            UserName = login,
            AgencyId = agency.Id,
            CreatedAt = time.UtcNow(),
            LockoutEnabled = true,
        };
        // Whoever chose this password is not the person: they choose their own at first sign-in.
        user.MustChangePassword = true;
        await using var change = await audited.BeginAsync(db, ct);
        var created = await users.CreateAsync(user, request.Password!);
        if (!created.Succeeded)
        {
            return PeopleErrors.PasswordPolicy.With(
                string.Join(" ", created.Errors.Select(e => e.Description)), "password");
        }

        await users.AddToRolesAsync(user, roles).MustSucceed();
        await change.CommitAsync(AuditRecord.For(actor, AuditEvent.UserCreated, target: AuditTarget.User(login),
            details: AuditDetails.With("agency", agency.Code).And("roles", roles)), ct);
        return new UserSummary(user.Id, login, agency.Code, roles, false, false, user.CreatedAt, agency.Id);
    }

    /// <summary>What a refusal under the role ceiling says, the same for every act on people and tokens.</summary>
    public const string CeilingMessage =
        "You act only on the people of agencies you manage, and only on people whose every role you could grant.";

    /// <summary>
    /// Whether a text has the shape of a login: 2 to 64 lower-case letters, digits, dots, hyphens or underscores.
    /// </summary>
    public static bool IsLoginShaped(string text) => LoginPattern().IsMatch(text);

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{1,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex LoginPattern();
}
