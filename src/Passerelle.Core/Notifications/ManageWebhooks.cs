using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Passerelle.Core.Access;
using Passerelle.Core.Audit;
using Passerelle.Core.Common;
using Passerelle.Core.Data;

namespace Passerelle.Core.Notifications;

public sealed record WebhookView(Guid Id, string Url, DateTime CreatedAt, string CreatedBy, bool Active, int Pending, int Delivered, int Failed);

/// <param name="Secret">The signing key, shown this once.</param>
public sealed record CreatedWebhook(Guid Id, string Url, string Secret);

/// <summary>
/// A coordinator registers where its agency hears of hits, a rights holder where it hears of authentication requests.
/// The secret signs every delivery.
/// </summary>
public sealed class ManageWebhooks(PasserelleDb db, AuditTrail trail, AuditWriter audit, TimeProvider time)
{
    public async Task<Result<CreatedWebhook>> CreateAsync(Actor actor, string? url, CancellationToken ct)
    {
        if (actor.AgencyId is null || !AccessRules.MayManageWebhooks(actor, actor.AgencyId.Value))
        {
            return await audit.DenyAsync(actor, "webhooks", ct, "A coordinator, or a rights holder's user, registers the agency's webhooks.");
        }

        var valid = Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback));
        if (!valid || url!.Length > 500)
        {
            return Error.Invalid("webhook.url", "The URL is https (plain http only to this machine), at most 500 characters.", "url");
        }

        var webhook = new Webhook
        {
            Id = Guid.CreateVersion7(),
            AgencyId = actor.AgencyId.Value,
            Url = uri!.ToString(),
            Secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)),
            CreatedAt = time.UtcNow(),
            CreatedBy = actor.Login,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Webhooks.Add(webhook);
        await trail.AppendAsync(db, AuditRecord.For(actor, AuditEvent.WebhookCreated, target: $"webhook:{webhook.Id}", details: AuditDetails.With("url", webhook.Url)), ct);
        await transaction.CommitAsync(ct);
        return new CreatedWebhook(webhook.Id, webhook.Url, webhook.Secret);
    }

    public async Task<Result<IReadOnlyList<WebhookView>>> ListAsync(Actor actor, CancellationToken ct)
    {
        if (actor.AgencyId is not { } agency || !AccessRules.MayManageWebhooks(actor, agency))
        {
            return await audit.DenyAsync(actor, "webhooks", ct);
        }

        var views = await db.Webhooks.AsNoTracking().Where(w => w.AgencyId == agency).OrderBy(w => w.CreatedAt)
            .Select(w => new WebhookView(w.Id, w.Url, w.CreatedAt, w.CreatedBy, w.DisabledAt == null,
                db.WebhookDeliveries.Count(d => d.WebhookId == w.Id && d.DeliveredAt == null && d.GaveUpAt == null),
                db.WebhookDeliveries.Count(d => d.WebhookId == w.Id && d.DeliveredAt != null),
                db.WebhookDeliveries.Count(d => d.WebhookId == w.Id && d.GaveUpAt != null)))
            .ToListAsync(ct);
        await audit.AppendAsync(AuditRecord.For(actor, AuditEvent.WebhooksListed, target: "webhooks", purpose: "webhook-management"), ct);
        return views;
    }

    public async Task<Result<WebhookView>> DisableAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var webhook = await db.Webhooks.FirstOrDefaultAsync(w => w.Id == id, ct);
        if (webhook is null)
        {
            return Error.NotFound("webhook.not-found", $"No webhook has id {id}.");
        }

        if (!AccessRules.MayManageWebhooks(actor, webhook.AgencyId))
        {
            return await audit.DenyAsync(actor, $"webhook:{id}", ct);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        webhook.DisabledAt ??= time.UtcNow();
        await trail.AppendAsync(db, AuditRecord.For(actor, AuditEvent.WebhookDisabled, target: $"webhook:{webhook.Id}", details: AuditDetails.With("url", webhook.Url)), ct);
        await transaction.CommitAsync(ct);
        return new WebhookView(webhook.Id, webhook.Url, webhook.CreatedAt, webhook.CreatedBy, false, 0, 0, 0);
    }
}
