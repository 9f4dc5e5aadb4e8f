using Microsoft.EntityFrameworkCore;
using Passerelle.Core.Alerts;
using Passerelle.Core.Data;
using Passerelle.Core.Trust.Agencies;

namespace Passerelle.Core.Products;

/// <summary>
/// Keeps this node's <see cref="ProductCatalogue"/> in step with the database: a full load the first time, then every
/// sheet and alert whose change sequence is past what the catalogue holds. Sequences are allocated under the audit
/// chain's lock, so they commit in order and none is skipped, whichever node wrote them.
/// </summary>
public sealed class FollowCatalogue(PasserelleDb db, ProductCatalogue catalogue, AgencyDirectory agencies)
{
    private const int Page = 1_000;

    /// <summary>Loads the catalogue if this node has not yet, and catches up if a write here changed it.</summary>
    public async Task EnsureCurrentAsync(CancellationToken ct)
    {
        if (catalogue.Loaded && !catalogue.TakeChanged())
        {
            return;
        }

        await CatchUpAsync(ct);
    }

    /// <summary>
    /// Applies every change past the catalogue's sequence (everything, the first time); returns how many.
    /// </summary>
    public async Task<int> CatchUpAsync(CancellationToken ct)
    {
        await catalogue.Gate.WaitAsync(ct);
        try
        {
            if (!catalogue.Loaded)
            {
                return await LoadAsync(ct);
            }

            var applied = 0;
            while (true)
            {
                var after = catalogue.Sequence;
                var changedSheets = await db.ProductSheets.AsNoTracking().Include(p => p.Features)
                    .Where(p => p.ChangeSequence > after)
                    .OrderBy(p => p.ChangeSequence).Take(Page).ToListAsync(ct);
                var changedAlerts = await db.Alerts.AsNoTracking().Where(a => a.ChangeSequence > after).ToListAsync(ct);
                await PutAsync(changedSheets, ct);
                changedAlerts.ForEach(catalogue.Put);
                catalogue.CaughtUpTo(Math.Max(
                    changedSheets.Select(p => p.ChangeSequence).DefaultIfEmpty().Max(),
                    changedAlerts.Select(a => a.ChangeSequence).DefaultIfEmpty().Max()));
                applied += changedSheets.Count + changedAlerts.Count;
                if (changedSheets.Count < Page)
                {
                    return applied;
                }
            }
        }
        finally
        {
            catalogue.Gate.Release();
        }
    }

    private async Task<int> LoadAsync(CancellationToken ct)
    {
        // Read the newest sequence first: anything committed while loading is past it and is caught up again,
        // harmlessly.
        var newest = Math.Max(
            await db.ProductSheets.MaxAsync(p => (long?)p.ChangeSequence, ct) ?? 0,
            await db.Alerts.MaxAsync(a => (long?)a.ChangeSequence, ct) ?? 0);
        var published = await db.ProductSheets.AsNoTracking().Include(p => p.Features)
            .Where(p => p.PublishedAt != null).ToListAsync(ct);
        await PutAsync(published, ct);
        (await db.Alerts.AsNoTracking().Where(a => a.Status == AlertStatus.Active).ToListAsync(ct))
            .ForEach(catalogue.Put);
        catalogue.CaughtUpTo(newest);
        catalogue.MarkLoaded();
        return published.Count;
    }

    private async Task PutAsync(List<ProductSheet> changed, CancellationToken ct)
    {
        if (changed.Count == 0)
        {
            return;
        }

        // Every GTIN and picture at once when loading everything; those of the changed sheets otherwise.
        var everything = !catalogue.Loaded;
        await SheetParts.AttachGtinsAsync(db, changed, ct, all: everything);
        var pictures = await SheetParts.PicturesAsync(db, [.. changed.Select(p => p.Id)], ct, all: everything);
        foreach (var sheet in changed)
        {
            var owner = await agencies.GetAsync(db, sheet.OwnerAgencyId, ct);
            catalogue.Put(new CataloguedSheet(sheet, owner.Code, [.. pictures[sheet.Id]]));
        }
    }
}
