using Passerelle.Core.Common;
using Passerelle.Core.Data;
using Passerelle.Core.Products;
using Passerelle.Core.Trust.Access;
using Passerelle.Core.Trust.Agencies;

namespace Passerelle.Core.Alerts;

/// <summary>
/// The active alerts meant for an officer's agency or country, read from this node's catalogue: on a product lookup
/// and whenever a container number matches.
/// </summary>
public sealed class AlertsForReader(
    PasserelleDb db, AgencyDirectory agencies, ProductCatalogue catalogue, FollowCatalogue follow, TimeProvider time)
{
    /// <summary>Those that <paramref name="match"/> selects, newest first.</summary>
    internal async Task<List<AlertView>> ForAsync(Actor actor, Func<Alert, bool> match, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(time.UtcNow());
        await follow.EnsureCurrentAsync(ct);
        var agency = await agencies.GetAsync(db, actor.AgencyId!.Value, ct);
        var views = new List<AlertView>();
        var meant = catalogue.OpenAlerts(today)
            .Where(a => a.IsFor(agency.Code, agency.Country) && match(a)).OrderByDescending(a => a.CreatedAt);
        foreach (var alert in meant)
        {
            views.Add(AlertView.Of(alert, (await agencies.GetAsync(db, alert.OwnerAgencyId, ct)).Code, owns: false));
        }

        return views;
    }
}
