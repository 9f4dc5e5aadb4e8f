using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Passerelle.Core.Data;

namespace Passerelle.Core.Trust.Agencies;

public sealed record AgencyName(Guid Id, string Code, string Country);

/// <summary>
/// An agency's code and country are fixed when it is added and never change, so each node keeps them after the first
/// read instead of asking the database on every lookup. Anything that can change (verification, settings) is not kept.
/// </summary>
public sealed class AgencyDirectory
{
    private readonly ConcurrentDictionary<Guid, AgencyName> known = new();

    public async ValueTask<AgencyName> GetAsync(PasserelleDb db, Guid id, CancellationToken ct)
    {
        if (known.TryGetValue(id, out var name))
        {
            return name;
        }

        name = await db.Agencies.AsNoTracking()
            .Where(a => a.Id == id)
            .Select(a => new AgencyName(a.Id, a.Code, a.Country))
            .SingleAsync(ct);
        return known.GetOrAdd(id, name);
    }
}
