using Microsoft.EntityFrameworkCore;
using Passerelle.Core.Common;
using Passerelle.Core.Data;
using Passerelle.Core.Trust.Access;
using Passerelle.Core.Trust.Audit;

namespace Passerelle.Core.Authentications;

/// <summary>A sum of money in one currency (ISO 4217).</summary>
public sealed record Money(decimal Amount, string Currency);

/// <param name="Value">The estimated values summed per currency: no rate of exchange is Passerelle's to pick.</param>
public sealed record Tally(string Key, int Cases, long Items, IReadOnlyList<Money> Value);

/// <param name="PlacesOfOwnAgencyOnly">
/// Whether <paramref name="ByRoute"/> and <paramref name="ByPlace"/> count only the caller's own agency's
/// detentions, while the other breakdowns count the whole country's.
/// </param>
public sealed record SeizureReport(
    IReadOnlyList<Tally> ByBrand,
    IReadOnlyList<Tally> ByHsChapter,
    IReadOnlyList<Tally> ByRoute,
    IReadOnlyList<Tally> ByPlace,
    IReadOnlyList<Tally> ByMonth,
    bool PlacesOfOwnAgencyOnly);

/// <summary>
/// Seized and destroyed goods, counted by brand, HS chapter, route, place and month, within the scope
/// <see cref="AccessRules.SeizureStatisticsScopeOf"/> gives: a rights holder its own brands', law-enforcement
/// people and auditors their own country's, with route and place of their own agency's detentions only.
/// </summary>
public sealed class SeizureStatistics(PasserelleDb db, AuditWriter audit)
{
    public async Task<Result<SeizureReport>> HandleAsync(Actor actor, CancellationToken ct)
    {
        var scope = AccessRules.SeizureStatisticsScopeOf(actor);
        if (scope == SeizureStatisticsScope.None)
        {
            return await audit.DenyAsync(actor, "statistics", ct);
        }

        var seizures =
            from r in db.AuthenticationRequests.AsNoTracking()
            join p in db.ProductSheets on r.ProductId equals p.Id
            join detaining in db.Agencies on r.RequestingAgencyId equals detaining.Id
            where r.Outcome == AuthenticationOutcome.Seized || r.Outcome == AuthenticationOutcome.Destroyed
            select new { r, p, detaining.Country };
        if (scope == SeizureStatisticsScope.OwnBrands)
        {
            seizures = seizures.Where(s => s.r.RightsHolderAgencyId == actor.AgencyId);
        }
        else
        {
            var country = db.Agencies.Where(a => a.Id == actor.AgencyId).Select(a => a.Country);
            seizures = seizures.Where(s => country.Contains(s.Country));
        }

        var rows = (await seizures.Select(s => new
        {
            s.p.Brand,
            s.p.HsCode,
            s.r.Route,
            s.r.Place,
            s.r.OutcomeAt,
            s.r.OutcomeQuantity,
            s.r.EstimatedValue,
            s.r.Currency,
            s.r.RequestingAgencyId,
            s.r.RightsHolderAgencyId,
        }).ToListAsync(ct)).Select(r => new Seizure(
            r.Brand, r.HsCode, r.Route, r.Place, r.OutcomeAt!.Value, r.OutcomeQuantity ?? 0,
            r.EstimatedValue is { } amount && r.Currency is { } currency ? new Money(amount, currency) : null,
            AccessRules.MaySeeAuthenticationPlace(actor, r.RequestingAgencyId, r.RightsHolderAgencyId))).ToList();
        var placed = rows.Where(r => r.PlaceShown).ToList();

        var viewed = AuditRecord.For(
            actor, AuditEvent.StatisticsViewed, target: "statistics:seizures", purpose: "statistics");
        await audit.AppendAsync(viewed, ct);
        return new SeizureReport(
            By(rows, r => r.Brand),
            By(rows, r => r.HsCode is { Length: >= 2 } hs ? hs[..2] : "??"),
            By(placed, r => r.Route ?? "not given"),
            By(placed, r => r.Place),
            [.. By(rows, r => r.At.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture))
                .OrderBy(t => t.Key, StringComparer.Ordinal)],
            scope == SeizureStatisticsScope.OwnCountry);
    }

    private static List<Tally> By(IEnumerable<Seizure> seizures, Func<Seizure, string> key) =>
        [.. seizures.GroupBy(key)
            .Select(g => new Tally(g.Key, g.Count(), g.Sum(s => s.Items), Sums(g.Select(s => s.Value))))
            .OrderByDescending(t => t.Items).ThenBy(t => t.Key, StringComparer.Ordinal)];

    private static List<Money> Sums(IEnumerable<Money?> values) =>
        [.. values.OfType<Money>().GroupBy(m => m.Currency, StringComparer.Ordinal)
            .Select(g => new Money(g.Sum(m => m.Amount), g.Key)).OrderBy(m => m.Currency, StringComparer.Ordinal)];

    /// <param name="PlaceShown">Whether the caller may see this detention's place and route.</param>
    private sealed record Seizure(
        string Brand, string? HsCode, string? Route, string Place, DateTime At, long Items, Money? Value,
        bool PlaceShown);
}
