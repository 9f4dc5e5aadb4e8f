using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Passerelle.Core.Common;
using Passerelle.Core.Data;
using Passerelle.Core.Hits;
using Passerelle.Core.Trust.Audit;

namespace Passerelle.Core.Notifications;

/// <summary>One delivery taken on by this node, with what sending it needs; the secret as stored, protected.</summary>
public sealed record DueDelivery(
    Guid Id, Guid WebhookId, string Url, string StoredSecret, string Event, Guid? CaseId, string Payload);

/// <summary>What one attempt came to: the receiver's status code, or why there was none (for the log only).</summary>
public sealed record DeliveryOutcome(int? Status, string? Failure)
{
    public bool Delivered => Status is >= 200 and < 300;
}

/// <summary>
/// Sends due deliveries, signed the Standard Webhooks way (<see cref="WebhookSignature"/>). A failure is retried after
/// 10 s, 20 s, 40 s... up to an hour, and given up after 12 attempts. Every attempt is audited as a disclosure; a hit's
/// attempts land in its case's timeline too, with the status code alone: what a receiver's network did is nobody's
/// business but the operator's log.
/// </summary>
public sealed class DeliverWebhooks(
    PasserelleDb db,
    AuditedChange audited,
    TimeProvider time,
    IOptions<WebhookSettings> settings,
    WebhookSecrets secrets,
    ILogger<DeliverWebhooks> log)
{
    public const int MaxAttempts = 12;

    /// <summary>The most of an answer ever read; a receiver has nothing to tell us beyond its status.</summary>
    public const int MaxAnswerBytes = 4096;

    /// <summary>Deliveries neither made nor given up on: the webhook backlog the readiness check reports.</summary>
    public Task<int> CountWaitingAsync(CancellationToken ct) =>
        db.WebhookDeliveries.CountAsync(d => d.DeliveredAt == null && d.GaveUpAt == null, ct);

    /// <summary>
    /// Takes on up to <paramref name="limit"/> due deliveries, leasing each by moving its next attempt past the
    /// timeout, so another node (or this one's next round) does not send it too; a node that dies leaves it due again
    /// later.
    /// </summary>
    public async Task<IReadOnlyList<DueDelivery>> ClaimDueAsync(int limit, CancellationToken ct)
    {
        var now = time.UtcNow();
        var due = await (
            from d in db.WebhookDeliveries.AsNoTracking()
            join w in db.Webhooks on d.WebhookId equals w.Id
            where d.DeliveredAt == null && d.GaveUpAt == null && d.NextAttemptAt <= now && w.DisabledAt == null
            orderby d.NextAttemptAt
            select new DueDelivery(d.Id, d.WebhookId, w.Url, w.Secret, d.Event, d.CaseId, d.Payload))
            .Take(limit).ToListAsync(ct);
        var lease = now.AddSeconds(settings.Value.TimeoutSeconds + 60);
        var claimed = new List<DueDelivery>(due.Count);
        foreach (var delivery in due)
        {
            var taken = await db.WebhookDeliveries
                .Where(d => d.Id == delivery.Id && d.DeliveredAt == null && d.GaveUpAt == null
                    && d.NextAttemptAt <= now)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.NextAttemptAt, lease), ct);
            if (taken == 1)
            {
                claimed.Add(delivery);
            }
        }

        return claimed;
    }

    /// <summary>One attempt, within <c>Webhooks:TimeoutSeconds</c>; nothing a receiver does makes it throw.</summary>
    public async Task<DeliveryOutcome> SendAsync(HttpClient http, DueDelivery delivery, CancellationToken ct)
    {
        if (!secrets.TryReveal(delivery.StoredSecret, out var secret))
        {
            log.LogError("Webhook {Webhook}: its stored secret does not decrypt with this node's data-protection "
                + "keys (lost, revoked or altered); delivery {Delivery} is not sent", delivery.WebhookId, delivery.Id);
            return new DeliveryOutcome(null, "unreadable secret");
        }

        if (!WebhookSignature.TryGetKey(secret, out var key))
        {
            log.LogError("Webhook {Webhook}: its stored secret is not a signing key; delivery {Delivery} is not sent",
                delivery.WebhookId, delivery.Id);
            return new DeliveryOutcome(null, "unreadable secret");
        }

        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        var id = delivery.Id.ToString();
        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Url)
        {
            Content = new StringContent(delivery.Payload, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.Add("webhook-id", id);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", WebhookSignature.Sign(key, id, timestamp, delivery.Payload));
        request.Headers.Add("X-Passerelle-Event", delivery.Event);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(settings.Value.TimeoutSeconds), time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            await DiscardAnswerAsync(response, linked.Token);
            return new DeliveryOutcome((int)response.StatusCode, null);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return Failed(delivery, "timed out", null);
        }
        catch (HttpRequestException ex) when (Refusal(ex) is { } refused)
        {
            return Failed(delivery, "address refused", refused);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            return Failed(delivery, "could not connect", ex);
        }
    }

    /// <summary>Records an attempt: the delivery's state, the hit's timeline and the audit entry, together.</summary>
    public async Task RecordAsync(DueDelivery due, DeliveryOutcome outcome, CancellationToken ct)
    {
        var delivery = await db.WebhookDeliveries.SingleAsync(d => d.Id == due.Id, ct);
        var at = time.UtcNow();
        delivery.Attempts++;
        delivery.LastStatus = outcome.Status;
        delivery.LastError = outcome.Failure;
        if (outcome.Delivered)
        {
            delivery.DeliveredAt = at;
        }
        else if (delivery.Attempts >= MaxAttempts)
        {
            delivery.GaveUpAt = at;
        }
        else
        {
            delivery.NextAttemptAt = at.AddSeconds(Math.Min(3600, 10 * Math.Pow(2, delivery.Attempts - 1)));
        }

        // Whoever reads a case sees whether the owner's receiver took it, not whether some port answered.
        var answer = outcome.Status is { } status
            ? $"HTTP {status.ToString(CultureInfo.InvariantCulture)}"
            : "no answer";
        if (delivery.CaseId is { } caseId && delivery.Event.StartsWith("hit.", StringComparison.Ordinal))
        {
            db.HitCaseEvents.Add(new HitCaseEvent
            {
                CaseId = caseId,
                At = at,
                Kind = outcome.Delivered ? "webhook-delivered" : "webhook-failed",
                By = "passerelle",
                Note = $"attempt {delivery.Attempts.ToString(CultureInfo.InvariantCulture)}: {answer}",
            });
        }

        await audited.CommitAsync(db, new AuditRecord(
            outcome.Delivered ? AuditEvent.WebhookDelivered : AuditEvent.WebhookFailed,
            outcome.Delivered ? Outcomes.Success : Outcomes.Failure, null, "passerelle", null, null,
            Target: AuditTarget.Webhook(delivery.WebhookId),
            Details: AuditDetails.With("event", delivery.Event).And("case", delivery.CaseId)
                .And("attempt", delivery.Attempts).And("answer", answer)), ct);
    }

    private static async Task DiscardAnswerAsync(HttpResponseMessage response, CancellationToken ct)
    {
        await using var body = await response.Content.ReadAsStreamAsync(ct);
        var buffer = new byte[MaxAnswerBytes];
        var read = 0;
        while (read < buffer.Length && await body.ReadAsync(buffer.AsMemory(read), ct) is var n and > 0)
        {
            read += n;
        }
    }

    private static WebhookAddressRefusedException? Refusal(Exception ex) => ex switch
    {
        WebhookAddressRefusedException refused => refused,
        { InnerException: { } inner } => Refusal(inner),
        _ => null,
    };

    private DeliveryOutcome Failed(DueDelivery delivery, string failure, Exception? ex)
    {
        log.LogWarning("Webhook {Webhook}: delivery {Delivery} failed ({Failure}): {Reason}",
            delivery.WebhookId, delivery.Id, failure, ex?.Message);
        return new DeliveryOutcome(null, failure);
    }
}
