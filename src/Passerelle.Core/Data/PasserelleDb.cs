using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Passerelle.Core.Agencies;
using Passerelle.Core.Audit;
using Passerelle.Core.Hits;
using Passerelle.Core.Notifications;
using Passerelle.Core.People;
using Passerelle.Core.Products;
using Passerelle.Core.Tokens;
using Passerelle.Core.TravelDocuments;

namespace Passerelle.Core.Data;

public sealed class PasserelleDb(DbContextOptions<PasserelleDb> options)
    : IdentityDbContext<User, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    /// <summary>The keys that protect cookies and antiforgery tokens, shared by every node.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Agency> Agencies => Set<Agency>();

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<TravelDocument> TravelDocuments => Set<TravelDocument>();

    public DbSet<TravelDocumentRevision> TravelDocumentRevisions => Set<TravelDocumentRevision>();

    public DbSet<ProductSheet> ProductSheets => Set<ProductSheet>();

    public DbSet<ProductGtin> ProductGtins => Set<ProductGtin>();

    public DbSet<Alert> Alerts => Set<Alert>();

    public DbSet<Pictures.Picture> Pictures => Set<Pictures.Picture>();

    public DbSet<AuthenticationRequest> AuthenticationRequests => Set<AuthenticationRequest>();

    public DbSet<AuthenticationMessage> AuthenticationMessages => Set<AuthenticationMessage>();

    public DbSet<HitCase> HitCases => Set<HitCase>();

    public DbSet<HitCaseEvent> HitCaseEvents => Set<HitCaseEvent>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<Webhook> Webhooks => Set<Webhook>();

    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();

    internal bool IsPostgreSql => Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite hands times back without a kind; every time in Passerelle is UTC.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<NullableUtcConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<DataProtectionKey>().ToTable("data_protection_keys");

        builder.Entity<Agency>(agency =>
        {
            agency.ToTable("agencies");
            agency.HasKey(a => a.Id);
            agency.Property(a => a.Code).HasMaxLength(32);
            agency.HasIndex(a => a.Code).IsUnique();
            agency.Property(a => a.Name).HasMaxLength(200);
            agency.Property(a => a.Kind).HasConversion<string>().HasMaxLength(32);
            agency.Property(a => a.Country).HasMaxLength(3);
        });

        builder.Entity<User>(user =>
        {
            user.HasOne(u => u.Agency).WithMany().HasForeignKey(u => u.AgencyId).OnDelete(DeleteBehavior.Restrict);
            user.HasIndex(u => u.AgencyId);
        });

        builder.Entity<IdentityRole<Guid>>().HasData(Access.Roles.All.Order(StringComparer.Ordinal).Select((name, i) => new IdentityRole<Guid>
        {
            Id = new Guid($"00000000-0000-0000-0000-{i + 1:D12}"),
            Name = name,
            NormalizedName = name.ToUpperInvariant(),
            ConcurrencyStamp = name,
        }));

        builder.Entity<ApiToken>(token =>
        {
            token.ToTable("api_tokens");
            token.HasKey(t => t.Id);
            token.Property(t => t.Name).HasMaxLength(100);
            token.Property(t => t.Prefix).HasMaxLength(16);
            token.Property(t => t.Hash).HasMaxLength(64);
            token.HasIndex(t => t.Hash).IsUnique();
            token.Property(t => t.Scopes).HasMaxLength(500);
            token.Property(t => t.CreatedBy).HasMaxLength(256);
            token.HasOne<User>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<TravelDocument>(document =>
        {
            document.ToTable("travel_documents");
            document.HasKey(d => d.Id);
            document.Property(d => d.Number).HasMaxLength(40);
            document.Property(d => d.NormalizedNumber).HasMaxLength(20);
            document.Property(d => d.FoldedNumber).HasMaxLength(20);
            document.Property(d => d.IssuingState).HasMaxLength(3);
            document.Property(d => d.Type).HasConversion<string>().HasMaxLength(20);
            document.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
            document.Property(d => d.NationalReference).HasMaxLength(100);
            document.Property(d => d.Remarks).HasMaxLength(500);
            document.Property(d => d.HolderName).HasMaxLength(200);
            document.Property(d => d.DeletionReason).HasMaxLength(500);
            document.HasOne<Agency>().WithMany().HasForeignKey(d => d.OwnerAgencyId).OnDelete(DeleteBehavior.Restrict);
            // One live record per document; tombstones keep theirs.
            document.HasIndex(d => new { d.IssuingState, d.Type, d.NormalizedNumber }).IsUnique().HasFilter("\"DeletedAt\" IS NULL");
            document.HasIndex(d => d.FoldedNumber);
            document.HasIndex(d => d.ChangeSequence);
            document.HasIndex(d => new { d.OwnerAgencyId, d.ReportedOn });
        });

        builder.Entity<TravelDocumentRevision>(revision =>
        {
            revision.ToTable("travel_document_revisions");
            revision.HasKey(r => r.Id);
            revision.Property(r => r.ChangedBy).HasMaxLength(256);
            revision.Property(r => r.Kind).HasMaxLength(20);
            revision.HasIndex(r => new { r.DocumentId, r.Version });
            revision.HasOne<TravelDocument>().WithMany().HasForeignKey(r => r.DocumentId).OnDelete(DeleteBehavior.Cascade);
        });

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
            alert.HasOne<Agency>().WithMany().HasForeignKey(a => a.OwnerAgencyId).OnDelete(DeleteBehavior.Restrict);
            alert.HasIndex(a => new { a.Status, a.ExpiresOn });
        });

        builder.Entity<AuthenticationRequest>(request =>
        {
            request.ToTable("authentication_requests");
            request.HasKey(r => r.Id);
            request.Property(r => r.RequestingLogin).HasMaxLength(256);
            request.Property(r => r.Place).HasMaxLength(200);
            request.Property(r => r.ConsigneeDetails).HasMaxLength(1000);
            request.Property(r => r.Verdict).HasConversion<string>().HasMaxLength(12);
            request.Property(r => r.VerdictReasons).HasMaxLength(4000);
            request.Property(r => r.RepliedBy).HasMaxLength(256);
            request.Property(r => r.Outcome).HasConversion<string>().HasMaxLength(12);
            request.Property(r => r.EstimatedValue).HasPrecision(14, 2);
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
            message.HasOne<AuthenticationRequest>().WithMany().HasForeignKey(m => m.RequestId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Pictures.Picture>(picture =>
        {
            picture.ToTable("pictures");
            picture.HasKey(p => p.Id);
            picture.Property(p => p.Subject).HasMaxLength(100);
            picture.Property(p => p.ContentType).HasMaxLength(20);
            picture.Property(p => p.CreatedBy).HasMaxLength(256);
            picture.HasIndex(p => p.Subject);
        });

        builder.Entity<HitCase>(hit =>
        {
            hit.ToTable("hit_cases");
            hit.HasKey(h => h.Id);
            hit.Property(h => h.Match).HasConversion<string>().HasMaxLength(10);
            hit.Property(h => h.Status).HasConversion<string>().HasMaxLength(12);
            hit.Property(h => h.QueriedNumber).HasMaxLength(20);
            hit.Property(h => h.QueriedState).HasMaxLength(3);
            hit.Property(h => h.QueryingLogin).HasMaxLength(256);
            hit.Property(h => h.Purpose).HasMaxLength(100);
            hit.Property(h => h.Location).HasMaxLength(200);
            hit.Property(h => h.DecidedBy).HasMaxLength(256);
            hit.Property(h => h.DecisionNote).HasMaxLength(1000);
            hit.HasOne<TravelDocument>().WithMany().HasForeignKey(h => h.DocumentId).OnDelete(DeleteBehavior.Restrict);
            hit.HasIndex(h => new { h.OwnerAgencyId, h.Status, h.OpenedAt });
            hit.HasIndex(h => new { h.QueryingAgencyId, h.OpenedAt });
        });

        builder.Entity<HitCaseEvent>(e =>
        {
            e.ToTable("hit_case_events");
            e.HasKey(x => x.Id);
            e.Property(x => x.Kind).HasMaxLength(30);
            e.Property(x => x.By).HasMaxLength(256);
            e.Property(x => x.Note).HasMaxLength(1000);
            e.HasIndex(x => x.CaseId);
            e.HasOne<HitCase>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Notification>(n =>
        {
            n.ToTable("notifications");
            n.HasKey(x => x.Id);
            n.Property(x => x.Kind).HasMaxLength(40);
            n.Property(x => x.Message).HasMaxLength(1000);
            n.HasIndex(x => new { x.AgencyId, x.CreatedAt });
        });

        builder.Entity<Webhook>(w =>
        {
            w.ToTable("webhooks");
            w.HasKey(x => x.Id);
            w.Property(x => x.Url).HasMaxLength(500);
            w.Property(x => x.Secret).HasMaxLength(100);
            w.Property(x => x.CreatedBy).HasMaxLength(256);
            w.HasIndex(x => x.AgencyId);
        });

        builder.Entity<WebhookDelivery>(d =>
        {
            d.ToTable("webhook_deliveries");
            d.HasKey(x => x.Id);
            d.Property(x => x.Event).HasMaxLength(40);
            d.Property(x => x.LastError).HasMaxLength(500);
            d.HasIndex(x => new { x.DeliveredAt, x.GaveUpAt, x.NextAttemptAt });
            d.HasOne<Webhook>().WithMany().HasForeignKey(x => x.WebhookId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<AuditEntry>(entry =>
        {
            entry.ToTable("audit_entries");
            entry.HasKey(e => e.Sequence);
            entry.Property(e => e.Sequence).ValueGeneratedNever();
            entry.Property(e => e.Operation).HasMaxLength(64);
            entry.Property(e => e.Outcome).HasMaxLength(16);
            entry.Property(e => e.Login).HasMaxLength(256);
            entry.Property(e => e.AgencyCode).HasMaxLength(32);
            entry.Property(e => e.Target).HasMaxLength(500);
            entry.Property(e => e.Purpose).HasMaxLength(200);
            entry.Property(e => e.Source).HasMaxLength(100);
            entry.Property(e => e.PreviousHash).HasMaxLength(64);
            entry.Property(e => e.Hash).HasMaxLength(64);
            entry.HasIndex(e => e.OccurredAt);
            entry.HasIndex(e => e.Operation);
            entry.HasIndex(e => e.Login);
            entry.HasIndex(e => e.AgencyCode);
        });
    }

    private sealed class UtcConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v, DateTimeKind.Utc),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    private sealed class NullableUtcConverter() : ValueConverter<DateTime?, DateTime?>(
        v => v.HasValue ? DateTime.SpecifyKind(v.Value, DateTimeKind.Utc) : v,
        v => v.HasValue ? DateTime.SpecifyKind(v.Value, DateTimeKind.Utc) : v);
}
