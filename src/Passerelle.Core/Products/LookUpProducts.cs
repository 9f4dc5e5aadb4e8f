using Microsoft.EntityFrameworkCore;
using Passerelle.Core.Alerts;
using Passerelle.Core.Common;
using Passerelle.Core.Data;
using Passerelle.Core.Standards;
using Passerelle.Core.Trust.Access;
using Passerelle.Core.Trust.Agencies;
using Passerelle.Core.Trust.Audit;

namespace Passerelle.Core.Products;

/// <summary>
/// Officers look products up by barcode number, Digital Link, element string or scanner data, or by free text
/// (brand, name or HS code, best matches first). They see published sheets only, with the features meant for their
/// agency and the alerts meant for them. Every lookup is audited.
/// </summary>
public sealed class LookUpProducts(
    PasserelleDb db, AgencyDirectory agencies, AuditWriter audit, AlertsForReader alerts, ProductCatalogue catalogue,
    FollowCatalogue follow)
{
    public async Task<Result<IReadOnlyList<ProductView>>> HandleAsync(
        Actor actor, string? query, string? purpose, CancellationToken ct)
    {
        if (!AccessRules.MayLookUpProducts(actor))
        {
            return await audit.DenyAsync(actor, "products", ct, "Product lookups are for law-enforcement officers.");
        }

        var text = (query ?? "").Trim();
        if (text.Length is 0 or > 500)
        {
            return ProductErrors.Query.With(
                "Give a barcode number, a GS1 Digital Link, scanner data or words to search (at most 500 characters).",
                "q");
        }

        // More digits than any GTIN has is most often a second scan glued to the first: say so, rather than search
        // the words for it and answer that nothing matches.
        if (text.Length > 14 && text.All(char.IsAsciiDigit))
        {
            const string message =
                "Too many digits for one barcode: a GTIN has 8, 12, 13 or 14. Scan one barcode at a time.";
            return ProductErrors.GtinTooLong.With(message, "q");
        }

        string? gtin = null;
        if (text.All(char.IsAsciiDigit) && text.Length is 8 or 12 or 13 or 14)
        {
            var checkedGtin = Gtin.Check(text);
            if (!checkedGtin.Valid)
            {
                return Gs1Errors.GtinCheckDigit.With(checkedGtin.Reason!, "q");
            }

            gtin = checkedGtin.Normalized;
        }
        else if (text.StartsWith("http", StringComparison.OrdinalIgnoreCase) || text.StartsWith('(')
            || text.StartsWith(']') || text.Contains(Gs1.GroupSeparator, StringComparison.Ordinal))
        {
            var parsed = Gs1.Parse(text);
            if (!parsed.Succeeded)
            {
                return parsed.Error;
            }

            gtin = parsed.Value.Gtin;
        }

        // A barcode is answered from this node's catalogue; words are searched in the database.
        IReadOnlyList<CataloguedSheet> found;
        if (gtin is not null)
        {
            await follow.EnsureCurrentAsync(ct);
            found = catalogue.Find(gtin) is { } sheet ? [sheet] : [];
        }
        else
        {
            found = await SearchAsync(ProductSearch.Fold(text), ct);
        }

        // The audit entry goes to the group commit first; alerts are matched while it becomes durable, and the answer
        // leaves only once it is.
        var audited = audit.AppendAsync(AuditRecord.For(actor, AuditEvent.ProductsLookedUp,
            target: gtin is null ? "products" : AuditTarget.Gtin(gtin),
            purpose: string.IsNullOrWhiteSpace(purpose) ? "product-lookup" : purpose.Trim(),
            details: AuditDetails.With("query", text).And("results", found.Count)), ct);
        var agency = await agencies.GetAsync(db, actor.AgencyId!.Value, ct);
        var ids = found.Select(p => p.Sheet.Id).ToHashSet();
        var relevant = ids.Count == 0 ? [] : await alerts.ForAsync(actor, a => a.Products.Any(ids.Contains), ct);
        var views = found.Select(p => ProductView.Of(p.Sheet, p.Owner, f => AccessRules.MaySeeFeature(
                agency.Code, agency.Country, f.Restricted, f.AllowedAgencies, f.AllowedCountries), owns: false)
            with
        { Alerts = [.. relevant.Where(a => a.Products.Contains(p.Sheet.Id))], Pictures = p.Pictures }).ToList();
        await audited;
        return views;
    }

    /// <summary>Published sheets whose brand, name or HS code matches the folded words, best first.</summary>
    private async Task<IReadOnlyList<CataloguedSheet>> SearchAsync(string words, CancellationToken ct)
    {
        var candidates = await db.ProductSheets.AsNoTracking().Include(p => p.Features)
            .Where(p => p.PublishedAt != null
                && (p.SearchKey.Contains(words) || (p.HsCode != null && p.HsCode.StartsWith(words))))
            .Take(200).ToListAsync(ct);
        List<ProductSheet> best = [.. candidates.OrderByDescending(p => Rank(p, words))
            .ThenBy(p => p.Brand, StringComparer.Ordinal).ThenBy(p => p.Name, StringComparer.Ordinal).Take(50)];
        await SheetParts.AttachGtinsAsync(db, best, ct);
        var pictures = await SheetParts.PicturesAsync(db, [.. best.Select(p => p.Id)], ct);
        var found = new List<CataloguedSheet>(best.Count);
        foreach (var p in best)
        {
            var owner = (await agencies.GetAsync(db, p.OwnerAgencyId, ct)).Code;
            found.Add(new CataloguedSheet(p, owner, [.. pictures[p.Id]]));
        }

        return found;
    }

    /// <summary>A brand or name equal to the words ranks first, then one starting with them, then the rest.</summary>
    private static int Rank(ProductSheet p, string words) =>
        ProductSearch.Fold(p.Brand) == words || ProductSearch.Fold(p.Name) == words ? 3
        : p.SearchKey.StartsWith(words, StringComparison.Ordinal)
            || ProductSearch.Fold(p.Name).StartsWith(words, StringComparison.Ordinal) ? 2
        : 1;
}
