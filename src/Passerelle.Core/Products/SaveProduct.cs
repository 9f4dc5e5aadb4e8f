using Microsoft.EntityFrameworkCore;
using Passerelle.Core.Common;
using Passerelle.Core.Data;
using Passerelle.Core.Standards;
using Passerelle.Core.Trust.Access;
using Passerelle.Core.Trust.Audit;

namespace Passerelle.Core.Products;

public sealed record FeatureRequest(
    string? Kind, string? Description, bool Restricted = false, IReadOnlyList<string>? AllowedAgencies = null,
    IReadOnlyList<string>? AllowedCountries = null);

public sealed record SaveProductRequest(
    string? Brand, string? Name, string? Description = null, IReadOnlyList<string>? Gtins = null,
    string? HsCode = null, string? Packaging = null, IReadOnlyList<string>? ManufacturingCountries = null,
    string? DistributionRoutes = null, string? CounterfeitIndicators = null, string? Contacts = null,
    string? Hotline = null, IReadOnlyList<FeatureRequest>? Features = null);

/// <summary>
/// A rights holder creates a sheet, or replaces its content as a new version. GTINs are checked digit by digit, and a
/// GTIN belongs to one sheet only.
/// </summary>
public sealed class SaveProduct(
    PasserelleDb db, AuditedChange audited, AuditWriter audit, ProductCatalogue catalogue, TimeProvider time)
{
    public async Task<Result<ProductView>> HandleAsync(
        Actor actor, Guid? id, SaveProductRequest request, CancellationToken ct)
    {
        ProductSheet? sheet = null;
        if (id is { } existing)
        {
            sheet = await db.ProductSheets.Include(p => p.Gtins).Include(p => p.Features)
                .FirstOrDefaultAsync(p => p.Id == existing, ct);
            if (sheet is null)
            {
                return ProductErrors.NotFound.With($"No product sheet has id {existing}.");
            }
        }

        if (actor.AgencyId is not { } owner || !AccessRules.MayManageProducts(actor, sheet?.OwnerAgencyId ?? owner))
        {
            return await audit.DenyAsync(actor, id is { } denied ? AuditTarget.Product(denied) : "products", ct,
                "A rights holder manages its own product sheets only.");
        }

        var gtins = new List<string>();
        var validation = new Validation()
            .Require(request.Brand is { Length: > 0 and <= 100 }, "brand", ProductErrors.Brand,
                "The brand is required, at most 100 characters.")
            .Require(request.Name is { Length: > 0 and <= 200 }, "name", ProductErrors.Name,
                "The name is required, at most 200 characters.")
            .Require(request.HsCode is null || HsCodes.Check(request.HsCode).Valid, "hsCode", ProductErrors.HsCode,
                HsCodes.Check(request.HsCode).Reason ?? "")
            .Require((request.ManufacturingCountries ?? []).All(CountryCodes.IsKnown), "manufacturingCountries",
                ProductErrors.Country, "Countries are ICAO Doc 9303 codes.")
            .Require(
                request.Description is not { Length: > 4000 }
                    && request.CounterfeitIndicators is not { Length: > 4000 },
                "description", ProductErrors.Text, "Texts are at most 4000 characters.");
        foreach (var gtin in request.Gtins ?? [])
        {
            var checkedGtin = Gtin.Check(gtin);
            validation.Require(checkedGtin.Valid, "gtins", Gs1Errors.GtinCheckDigit, checkedGtin.Reason ?? "");
            if (checkedGtin.Valid)
            {
                gtins.Add(checkedGtin.Normalized!);
            }
        }

        foreach (var feature in request.Features ?? [])
        {
            validation
                .Require(EnumNames.TryParse<FeatureKind>(feature.Kind, out _), "features", ProductErrors.FeatureKind,
                    "A feature is overt, covert or forensic.")
                .Require(feature.Description is { Length: > 0 and <= 2000 }, "features", ProductErrors.FeatureText,
                    "A feature's description is 1 to 2000 characters.")
                .Require((feature.AllowedCountries ?? []).All(CountryCodes.IsKnown), "features",
                    ProductErrors.FeatureCountry, "Allowed countries are ICAO Doc 9303 codes.");
        }

        if (validation.ToError() is { } invalid)
        {
            return invalid;
        }

        var claimed = await db.ProductGtins.AsNoTracking()
            .Where(g => gtins.Contains(g.Gtin) && g.SheetId != (sheet == null ? Guid.Empty : sheet.Id))
            .Select(g => g.Gtin).FirstOrDefaultAsync(ct);
        if (claimed is not null)
        {
            return ProductErrors.GtinClaimed.With($"GTIN {claimed} already belongs to another product sheet.");
        }

        var now = time.UtcNow();
        if (sheet is null)
        {
            sheet = new ProductSheet
            {
                Id = Guid.CreateVersion7(),
                OwnerAgencyId = owner,
                Brand = "",
                Name = "",
                CreatedAt = now,
            };
            db.ProductSheets.Add(sheet);
        }
        else
        {
            db.ProductGtins.RemoveRange(sheet.Gtins);
            db.RemoveRange(sheet.Features);
            sheet.Gtins.Clear();
            sheet.Features.Clear();
        }

        sheet.Brand = request.Brand!.Trim();
        sheet.Name = request.Name!.Trim();
        sheet.Description = request.Description;
        sheet.HsCode = request.HsCode is null ? null : HsCodes.Check(request.HsCode).Normalized;
        sheet.Packaging = request.Packaging;
        sheet.ManufacturingCountries = [.. (request.ManufacturingCountries ?? []).Select(CountryCodes.Normalize)];
        sheet.DistributionRoutes = request.DistributionRoutes;
        sheet.CounterfeitIndicators = request.CounterfeitIndicators;
        sheet.Contacts = request.Contacts;
        sheet.Hotline = request.Hotline;
        sheet.Gtins =
            [.. gtins.Distinct(StringComparer.Ordinal).Select(g => new ProductGtin { SheetId = sheet.Id, Gtin = g })];
        sheet.Features = [.. (request.Features ?? []).Select(f => new AuthenticationFeature
        {
            Id = Guid.CreateVersion7(),
            SheetId = sheet.Id,
            Kind = Enum.Parse<FeatureKind>(f.Kind!, ignoreCase: true),
            Description = f.Description!,
            Restricted = f.Restricted,
            AllowedAgencies = [.. (f.AllowedAgencies ?? []).Select(a => a.Trim().ToUpperInvariant())],
            AllowedCountries = [.. (f.AllowedCountries ?? []).Select(CountryCodes.Normalize)],
        })];
        sheet.SearchKey = ProductSearch.Fold($"{sheet.Brand} {sheet.Name}");
        sheet.Version++;
        sheet.UpdatedAt = now;
        var saved = AuditRecord.For(actor, AuditEvent.ProductSaved, target: AuditTarget.Product(sheet.Id),
            details: AuditDetails.With("version", sheet.Version).And("gtins", gtins));
        await audited.CommitAsync(db, saved, ct, stamp: sequence => sheet.ChangeSequence = sequence);
        catalogue.Changed();
        return ProductView.Of(sheet, actor.AgencyCode!, _ => true, owns: true);
    }
}
