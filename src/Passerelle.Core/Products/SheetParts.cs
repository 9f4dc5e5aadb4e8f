using Microsoft.EntityFrameworkCore;
using Passerelle.Core.Data;
using Passerelle.Core.Pictures;
using Passerelle.Core.Trust.Audit;

namespace Passerelle.Core.Products;

/// <summary>
/// What a sheet shows beside its own row, read in bulk for many sheets at once: its GTINs and its pictures. GTINs are
/// read as plain pairs: a sheet can have hundreds, and loading them as an included collection made the database send
/// the sheet once per GTIN and EF build each one.
/// </summary>
internal static class SheetParts
{
    /// <param name="all">
    /// Read every GTIN in one pass (loading the whole catalogue) rather than those of <paramref name="sheets"/>.
    /// </param>
    public static async Task AttachGtinsAsync(
        PasserelleDb db, IReadOnlyCollection<ProductSheet> sheets, CancellationToken ct, bool all = false)
    {
        if (sheets.Count == 0)
        {
            return;
        }

        var ids = sheets.Select(p => p.Id).ToList();
        var gtins = (await db.ProductGtins.AsNoTracking()
                .Where(g => all || ids.Contains(g.SheetId))
                .Select(g => new { g.SheetId, g.Gtin })
                .ToListAsync(ct))
            .ToLookup(g => g.SheetId, g => new ProductGtin { SheetId = g.SheetId, Gtin = g.Gtin });
        foreach (var sheet in sheets)
        {
            sheet.Gtins = [.. gtins[sheet.Id]];
        }
    }

    /// <summary>The sheets' pictures, oldest first, by sheet id.</summary>
    public static async Task<ILookup<Guid, PictureRef>> PicturesAsync(
        PasserelleDb db, IReadOnlyCollection<Guid> sheets, CancellationToken ct, bool all = false)
    {
        var subjects = sheets.Select(AuditTarget.Product).ToList();
        var rows = sheets.Count == 0
            ? []
            : await db.Pictures.AsNoTracking()
                .Where(p => all ? p.Subject.StartsWith("product:") : subjects.Contains(p.Subject))
                .OrderBy(p => p.CreatedAt)
                .Select(p => new { p.Subject, p.Id, p.Counterfeit, p.Caption })
                .ToListAsync(ct);
        return rows.ToLookup(
            r => Guid.Parse(r.Subject.AsSpan("product:".Length)), r => new PictureRef(r.Id, r.Counterfeit, r.Caption));
    }
}
