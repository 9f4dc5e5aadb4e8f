using Microsoft.EntityFrameworkCore;
using Passerelle.Core.Common;
using Passerelle.Core.Data;
using Passerelle.Core.Trust.Access;
using Passerelle.Core.Trust.Agencies;

namespace Passerelle.Core.Trust.People;

public sealed record MeView(Guid Id, string Login, AgencySummary Agency, IReadOnlyList<string> Roles, MeToken? Token);

public sealed record MeToken(Guid Id, IReadOnlyList<string> Scopes);

/// <summary>Who the caller is: the person, their agency, their roles and, for a token, its scopes.</summary>
public sealed class DescribeMe(PasserelleDb db)
{
    public async Task<Result<MeView>> HandleAsync(Actor actor, CancellationToken ct)
    {
        var agency = await db.Agencies.AsNoTracking().FirstOrDefaultAsync(a => a.Id == actor.AgencyId, ct);
        if (actor.UserId is not { } id || agency is null)
        {
            return PeopleErrors.NotFound.With("The caller is not a Passerelle user.");
        }

        var token = actor.TokenId is { } tokenId
            ? new MeToken(tokenId, [.. (actor.Scopes ?? new HashSet<string>()).Order(StringComparer.Ordinal)])
            : null;
        return new MeView(
            id, actor.Login, AgencySummary.Of(agency), [.. actor.Roles.Order(StringComparer.Ordinal)], token);
    }
}
