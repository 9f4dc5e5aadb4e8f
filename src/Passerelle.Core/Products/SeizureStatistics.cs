using Microsoft.EntityFrameworkCore;
using Passerelle.Core.Access;
using Passerelle.Core.Audit;
using Passerelle.Core.Common;
using Passerelle.Core.Data;

namespace Passerelle.Core.Products;

public sealed record Tally(string Key, int Cases, long Items, decimal Value);

public sealed record SeizureReport(IReadOnlyList<Tally> ByBrand, IReadOnlyList<Tally> ByHsChapter, IReadOnlyList<Tally> ByRoute, IReadOnlyList<Tally> ByPlace, IReadOnlyList<Tally> ByMonth);

/// <summary>
/// Seized and destroyed goods, counted by brand, HS chapter, route, place and month: law-enforcement agencies see the whole
/// country's figures, a rights holder its own brands'. Counts only, no case details.
/// </summary>
public sealed class SeizureStatistics(PasserelleDb db, AuditWriter audit)
{
    public async Task<Result<SeizureReport>> HandleAsync(Actor actor, CancellationToken ct)
    {
        var holder = actor.AgencyId is { } agency && AccessRules.MayManageProducts(actor, agency);
        if (!AccessRules.MaySeeSeizureStatistics(actor))
        {
            return await audit.DenyAsync(actor, "statistics", ct);
        }

        var rows = await (
            from r in db.AuthenticationRequests.AsNoTracking()
            join p in db.ProductSheets on r.ProductId equals p.Id
            where (r.Outcome == DetentionOutcome.Seized || r.Outcome == DetentionOutcome.Destroyed) && (!holder || r.RightsHolderAgencyId == actor.AgencyId)
            select new { p.Brand, p.HsCode, r.Route, r.Place, r.OutcomeAt, r.OutcomeQuantity, r.EstimatedValue }).ToListAsync(ct);
        static List<Tally> By<T>(IEnumerable<T> items, Func<T, string> key, Func<T, long> count, Func<T, decimal> value) =>
            [.. items.GroupBy(key).Select(g => new Tally(g.Key, g.Count(), g.Sum(count), g.Sum(value))).OrderByDescending(t => t.Items).ThenBy(t => t.Key, StringComparer.Ordinal)];

        await audit.AppendAsync(AuditRecord.For(actor, AuditEvent.StatisticsViewed, target: "statistics:seizures", purpose: "statistics"), ct);
        return new SeizureReport(
            By(rows, r => r.Brand, r => r.OutcomeQuantity ?? 0, r => r.EstimatedValue ?? 0),
            By(rows, r => r.HsCode is { Length: >= 2 } hs ? hs[..2] : "??", r => r.OutcomeQuantity ?? 0, r => r.EstimatedValue ?? 0),
            By(rows, r => r.Route ?? "not given", r => r.OutcomeQuantity ?? 0, r => r.EstimatedValue ?? 0),
            By(rows, r => r.Place, r => r.OutcomeQuantity ?? 0, r => r.EstimatedValue ?? 0),
            [.. By(rows, r => r.OutcomeAt!.Value.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), r => r.OutcomeQuantity ?? 0, r => r.EstimatedValue ?? 0)
                .OrderBy(t => t.Key, StringComparer.Ordinal)]);
    }
}
