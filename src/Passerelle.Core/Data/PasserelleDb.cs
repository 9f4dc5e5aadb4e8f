using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Passerelle.Core.Alerts;
using Passerelle.Core.Authentications;
using Passerelle.Core.Hits;
using Passerelle.Core.Notifications;
using Passerelle.Core.Products;
using Passerelle.Core.TravelDocuments;
using Passerelle.Core.Trust.Agencies;
using Passerelle.Core.Trust.Audit;
using Passerelle.Core.Trust.People;
using Passerelle.Core.Trust.Tokens;

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

    public DbSet<WriteProbe> WriteProbes => Set<WriteProbe>();

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

        builder.Entity<WriteProbe>(probe =>
        {
            probe.ToTable("write_probes");
            probe.Property(p => p.Id).ValueGeneratedNever();
            probe.HasData(new WriteProbe { Id = WriteProbe.OnlyId, ProbedAt = DateTime.UnixEpoch });
        });

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

        var roles = Trust.Access.Roles.All.Order(StringComparer.Ordinal);
        builder.Entity<IdentityRole<Guid>>().HasData(roles.Select((name, i) => new IdentityRole<Guid>
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

        RegisterModel.Configure(builder, IsPostgreSql);
        ProductsModel.Configure(builder);

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
