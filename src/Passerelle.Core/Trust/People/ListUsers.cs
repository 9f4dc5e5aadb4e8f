using Microsoft.EntityFrameworkCore;
using Passerelle.Core.Common;
using Passerelle.Core.Data;
using Passerelle.Core.Trust.Access;
using Passerelle.Core.Trust.Agencies;
using Passerelle.Core.Trust.Audit;

namespace Passerelle.Core.Trust.People;

public sealed class ListUsers(PasserelleDb db, AuditWriter audit)
{
    /// <param name="agencyCode">One agency's people, or everyone's when null (administrators only).</param>
    public async Task<Result<IReadOnlyList<UserSummary>>> HandleAsync(
        Actor actor, string? agencyCode, CancellationToken ct)
    {
        Guid? agencyId = null;
        if (!string.IsNullOrWhiteSpace(agencyCode))
        {
            var code = agencyCode.Trim().ToUpperInvariant();
            agencyId = await db.Agencies.Where(a => a.Code == code).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(ct);
            if (agencyId is null)
            {
                return AgencyErrors.NotFound.With($"No agency has code {code}.");
            }
        }

        var allowed = agencyId is { } id ? AccessRules.MayListUsers(actor, id) : AccessRules.MayListAllUsers(actor);
        if (!allowed)
        {
            return await audit.DenyAsync(actor, AuditTarget.Users(agencyCode), ct,
                "A coordinator lists the people of its own agency; give its code.");
        }

        var query = db.Users.AsNoTracking();
        if (agencyId is { } only)
        {
            query = query.Where(u => u.AgencyId == only);
        }

        var rows = await query.OrderBy(u => u.UserName)
            .Select(u => new
            {
                u.Id,
                Login = u.UserName!,
                Agency = u.Agency!.Code,
                Roles = db.UserRoles
                    .Where(ur => ur.UserId == u.Id)
                    .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!)
                    .ToList(),
                u.TwoFactorEnabled,
                u.DisabledAt,
                u.CreatedAt,
                u.AgencyId,
            })
            .ToListAsync(ct);
        await audit.AppendAsync(AuditRecord.For(
            actor, AuditEvent.UsersListed, target: AuditTarget.Users(agencyCode), purpose: "people-management"), ct);
        return rows.Select(r => new UserSummary(
                r.Id, r.Login, r.Agency, [.. r.Roles.Order(StringComparer.Ordinal)], r.TwoFactorEnabled,
                r.DisabledAt is not null, r.CreatedAt, r.AgencyId))
            .ToList();
    }
}
