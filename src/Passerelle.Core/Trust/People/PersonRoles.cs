using Microsoft.EntityFrameworkCore;
using Passerelle.Core.Data;

namespace Passerelle.Core.Trust.People;

/// <summary>The one way Core reads a person's roles, for the access rules that look at the person acted on.</summary>
internal static class PersonRoles
{
    public static IQueryable<string> Of(PasserelleDb db, Guid userId) =>
        db.UserRoles.Where(ur => ur.UserId == userId).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!);

    public static async Task<IReadOnlyList<string>> ListAsync(PasserelleDb db, Guid userId, CancellationToken ct) =>
        await Of(db, userId).OrderBy(r => r).ToListAsync(ct);
}
