using Microsoft.EntityFrameworkCore;
using Passerelle.Core.Hits;
using Passerelle.Core.Notifications;
using Passerelle.Core.TravelDocuments;
using Passerelle.Core.Trust.Agencies;

namespace Passerelle.Core.Data;

/// <summary>The travel-document register's tables: records, revisions, hit cases, notifications and webhooks.</summary>
internal static class RegisterModel
{
    /// <param name="postgreSql">
    /// PostgreSQL checks a record's owner with statement triggers instead of a foreign key (see
    /// <c>OwnerCheckedOncePerStatement</c> in its migrations); SQLite keeps the key, which costs it less than a
    /// trigger would.
    /// </param>
    public static void Configure(ModelBuilder builder, bool postgreSql)
    {
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
            document.Property(d => d.CreatedBy).HasMaxLength(256);
            if (!postgreSql)
            {
                document.HasOne<Agency>().WithMany().HasForeignKey(d => d.OwnerAgencyId)
                    .OnDelete(DeleteBehavior.Restrict);
            }

            // One live record per document and owner: another agency may report the same document as its own, and
            // nothing in a registration's answer may reveal that it did. Tombstones keep theirs.
            document.HasIndex(d => new { d.IssuingState, d.Type, d.NormalizedNumber, d.OwnerAgencyId })
                .IsUnique().HasFilter("\"DeletedAt\" IS NULL");
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
            revision.HasOne<TravelDocument>()
                .WithMany()
                .HasForeignKey(r => r.DocumentId)
                .OnDelete(DeleteBehavior.Cascade);
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
            hit.Property(h => h.LastScreenedBy).HasMaxLength(256);
            hit.HasOne<TravelDocument>().WithMany().HasForeignKey(h => h.DocumentId).OnDelete(DeleteBehavior.Restrict);
            hit.HasIndex(h => new { h.OwnerAgencyId, h.Status, h.OpenedAt });
            // One open case per record and querying agency, kept by the database itself: two screenings at once, on
            // one node or two, cannot both open one (OpenHits joins the case the other opened).
            hit.HasIndex(h => new { h.DocumentId, h.QueryingAgencyId }).IsUnique()
                .HasFilter("\"Status\" = 'Open'").HasDatabaseName(OpenHits.OneOpenCaseIndex);
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
            n.Property(x => x.Message).HasMaxLength(Notification.MaxMessage);
            n.HasIndex(x => new { x.AgencyId, x.CreatedAt });
        });

        builder.Entity<Webhook>(w =>
        {
            w.ToTable("webhooks");
            w.HasKey(x => x.Id);
            w.Property(x => x.Url).HasMaxLength(500);
            // Data Protection output: a `whsec_` secret protected for its purpose is about 200 characters.
            w.Property(x => x.Secret).HasMaxLength(512);
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
    }
}
