using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Passerelle.Core.Common;
using Passerelle.Core.Data;
using Passerelle.Core.Trust.Access;
using Passerelle.Core.Trust.Audit;

namespace Passerelle.Core.Notifications;

public sealed record WebhookView(
    Guid Id, string Url, DateTime CreatedAt, string CreatedBy, bool Active, int Pending, int Delivered, int Failed);

/// <param name="Secret">The signing key, shown this once.</param>
public sealed record CreatedWebhook(Guid Id, string Url, string Secret);

/// <summary>
/// A coordinator registers where its agency hears of hits, a rights holder where it hears of authentication requests.
/// The secret signs every delivery. A webhook points to https on a public address (<see cref="WebhookAddress"/>), and
/// an agency has a few at most: each is a door Passerelle opens towards the network on the agency's behalf.
/// </summary>
public sealed class ManageWebhooks(
    PasserelleDb db,
    AuditedChange audited,
    AuditWriter audit,
    TimeProvider time,
    IOptions<WebhookSettings> settings,
    WebhookSecrets secrets)
{
    public const int MaxActivePerAgency = 5;

    public async Task<Result<CreatedWebhook>> CreateAsync(Actor actor, string? url, CancellationToken ct)
    {
        if (actor.AgencyId is null || !AccessRules.MayManageWebhooks(actor, actor.AgencyId.Value))
        {
            return await audit.DenyAsync(
                actor, "webhooks", ct, "A coordinator, or a rights holder's user, registers the agency's webhooks.");
        }

        var checkedUrl = WebhookAddress.CheckUrl(url, settings.Value);
        if (!checkedUrl.Succeeded)
        {
            return checkedUrl.Error;
        }

        // Protected before the transaction: the first protection may write a new key to the database, on its own
        // connection, which SQLite's single writer would make wait for this transaction.
        var secret = WebhookSignature.NewSecret();
        var webhook = new Webhook
        {
            Id = Guid.CreateVersion7(),
            AgencyId = actor.AgencyId.Value,
            Url = checkedUrl.Value.ToString(),
            Secret = secrets.Protect(secret),
            CreatedAt = time.UtcNow(),
            CreatedBy = actor.Login,
        };
        // Counted once the audit chain's turn is taken, so two registrations at once cannot both be the fifth.
        await using var change = await audited.TakeTurnAsync(db, ct);
        var active = await db.Webhooks.CountAsync(w => w.AgencyId == webhook.AgencyId && w.DisabledAt == null, ct);
        if (active >= MaxActivePerAgency)
        {
            return NotificationErrors.WebhookLimit.With(
                $"An agency has at most {MaxActivePerAgency} active webhooks; stop one before adding another.");
        }

        db.Webhooks.Add(webhook);
        await change.CommitAsync(AuditRecord.For(
            actor, AuditEvent.WebhookCreated, target: AuditTarget.Webhook(webhook.Id),
            details: AuditDetails.With("url", webhook.Url)), ct);
        return new CreatedWebhook(webhook.Id, webhook.Url, secret);
    }

    public async Task<Result<IReadOnlyList<WebhookView>>> ListAsync(Actor actor, CancellationToken ct)
    {
        if (actor.AgencyId is not { } agency || !AccessRules.MayManageWebhooks(actor, agency))
        {
            return await audit.DenyAsync(actor, "webhooks", ct);
        }

        var webhooks = await db.Webhooks.AsNoTracking().Where(w => w.AgencyId == agency).OrderBy(w => w.CreatedAt)
            .Select(w => new WebhookView(w.Id, w.Url, w.CreatedAt, w.CreatedBy, w.DisabledAt == null,
                db.WebhookDeliveries.Count(d => d.WebhookId == w.Id && d.DeliveredAt == null && d.GaveUpAt == null),
                db.WebhookDeliveries.Count(d => d.WebhookId == w.Id && d.DeliveredAt != null),
                db.WebhookDeliveries.Count(d => d.WebhookId == w.Id && d.GaveUpAt != null)))
            .ToListAsync(ct);
        var listed = AuditRecord.For(actor, AuditEvent.WebhooksListed, target: AuditTarget.Webhooks(actor.AgencyCode!),
            purpose: "webhook-management", details: AuditDetails.With("webhooks", webhooks.Count));
        await audit.AppendAsync(listed, ct);
        return webhooks;
    }

    public async Task<Result<WebhookView>> DisableAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var webhook = await db.Webhooks.FirstOrDefaultAsync(w => w.Id == id, ct);
        if (webhook is null)
        {
            return NotificationErrors.WebhookNotFound.With($"No webhook has id {id}.");
        }

        if (!AccessRules.MayManageWebhooks(actor, webhook.AgencyId))
        {
            return await audit.DenyAsync(actor, AuditTarget.Webhook(id), ct);
        }

        webhook.DisabledAt ??= time.UtcNow();
        await audited.CommitAsync(db, AuditRecord.For(
            actor, AuditEvent.WebhookDisabled, target: AuditTarget.Webhook(webhook.Id),
            details: AuditDetails.With("url", webhook.Url)), ct);
        return new WebhookView(webhook.Id, webhook.Url, webhook.CreatedAt, webhook.CreatedBy, false, 0, 0, 0);
    }
}
