using Microsoft.EntityFrameworkCore;
using Passerelle.Core.Alerts;
using Passerelle.Core.Authentications;
using Passerelle.Core.Products;
using Passerelle.Core.Trust.Agencies;

namespace Passerelle.Core.Data;

/// <summary>
/// The genuine-products guide's tables: sheets, GTINs, features, alerts, authentication requests and pictures.
/// </summary>
internal static class ProductsModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<ProductSheet>(sheet =>
        {
            sheet.ToTable("product_sheets");
            sheet.HasKey(p => p.Id);
            sheet.Property(p => p.Brand).HasMaxLength(100);
            sheet.Property(p => p.Name).HasMaxLength(200);
            sheet.Property(p => p.Description).HasMaxLength(4000);
            sheet.Property(p => p.HsCode).HasMaxLength(6);
            sheet.Property(p => p.Packaging).HasMaxLength(2000);
            sheet.Property(p => p.DistributionRoutes).HasMaxLength(2000);
            sheet.Property(p => p.CounterfeitIndicators).HasMaxLength(4000);
            sheet.Property(p => p.Contacts).HasMaxLength(2000);
            sheet.Property(p => p.Hotline).HasMaxLength(100);
            sheet.HasOne<Agency>().WithMany().HasForeignKey(p => p.OwnerAgencyId).OnDelete(DeleteBehavior.Restrict);
            sheet.HasIndex(p => p.OwnerAgencyId);
            sheet.Property(p => p.SearchKey).HasMaxLength(400);
            sheet.HasIndex(p => p.Brand);
            sheet.HasIndex(p => p.ChangeSequence);
            sheet.HasMany(p => p.Gtins).WithOne().HasForeignKey(g => g.SheetId).OnDelete(DeleteBehavior.Cascade);
            sheet.HasMany(p => p.Features).WithOne().HasForeignKey(f => f.SheetId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<ProductGtin>(gtin =>
        {
            gtin.ToTable("product_gtins");
            gtin.HasKey(g => g.Gtin);
            gtin.Property(g => g.Gtin).HasMaxLength(14);
            gtin.HasIndex(g => g.SheetId);
        });

        builder.Entity<AuthenticationFeature>(feature =>
        {
            feature.ToTable("authentication_features");
            feature.HasKey(f => f.Id);
            feature.Property(f => f.Kind).HasConversion<string>().HasMaxLength(10);
            feature.Property(f => f.Description).HasMaxLength(2000);
        });

        builder.Entity<Alert>(alert =>
        {
            alert.ToTable("alerts");
            alert.HasKey(a => a.Id);
            alert.Property(a => a.Title).HasMaxLength(200);
            alert.Property(a => a.Route).HasMaxLength(1000);
            alert.Property(a => a.TransportMode).HasMaxLength(10);
            alert.Property(a => a.Consignor).HasMaxLength(300);
            alert.Property(a => a.Consignee).HasMaxLength(300);
            alert.Property(a => a.Confidence).HasMaxLength(10);
            alert.Property(a => a.Status).HasConversion<string>().HasMaxLength(10);
            alert.HasIndex(a => a.ChangeSequence);
            alert.HasOne<Agency>().WithMany().HasForeignKey(a => a.OwnerAgencyId).OnDelete(DeleteBehavior.Restrict);
            alert.HasIndex(a => new { a.Status, a.ExpiresOn });
        });

        builder.Entity<AuthenticationRequest>(request =>
        {
            request.ToTable("authentication_requests");
            request.HasKey(r => r.Id);
            request.Property(r => r.RequestingLogin).HasMaxLength(256);
            request.Property(r => r.Place).HasMaxLength(200);
            request.Property(r => r.Route).HasMaxLength(200);
            request.Property(r => r.ConsigneeDetails).HasMaxLength(1000);
            request.Property(r => r.Verdict).HasConversion<string>().HasMaxLength(12);
            request.Property(r => r.VerdictReasons).HasMaxLength(4000);
            request.Property(r => r.RepliedBy).HasMaxLength(256);
            request.Property(r => r.Outcome).HasConversion<string>().HasMaxLength(12);
            // Four decimal places: list one's largest minor unit (CLF, UYW); dinars take three.
            request.Property(r => r.EstimatedValue).HasPrecision(18, 4);
            request.Property(r => r.Currency).HasMaxLength(3);
            request.Property(r => r.OutcomeBy).HasMaxLength(256);
            request.HasOne<ProductSheet>().WithMany().HasForeignKey(r => r.ProductId).OnDelete(DeleteBehavior.Restrict);
            request.HasIndex(r => new { r.RightsHolderAgencyId, r.CreatedAt });
            request.HasIndex(r => new { r.RequestingAgencyId, r.CreatedAt });
        });

        builder.Entity<AuthenticationMessage>(message =>
        {
            message.ToTable("authentication_messages");
            message.HasKey(m => m.Id);
            message.Property(m => m.By).HasMaxLength(256);
            message.Property(m => m.Agency).HasMaxLength(32);
            message.Property(m => m.Text).HasMaxLength(2000);
            message.HasIndex(m => m.RequestId);
            message.HasOne<AuthenticationRequest>()
                .WithMany()
                .HasForeignKey(m => m.RequestId)
                .OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Pictures.Picture>(picture =>
        {
            picture.ToTable("pictures");
            picture.HasKey(p => p.Id);
            picture.Property(p => p.Subject).HasMaxLength(100);
            picture.Property(p => p.ContentType).HasMaxLength(20);
            picture.Property(p => p.CreatedBy).HasMaxLength(256);
            picture.Property(p => p.Caption).HasMaxLength(200);
            picture.HasIndex(p => p.Subject);
        });
    }
}
