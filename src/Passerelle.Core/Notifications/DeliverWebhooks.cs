using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Passerelle.Core.Audit;
using Passerelle.Core.Common;
using Passerelle.Core.Data;
using Passerelle.Core.Hits;

namespace Passerelle.Core.Notifications;

/// <summary>
/// Sends due deliveries. Each request carries <c>X-Passerelle-Signature: t=&lt;unix time&gt;,v1=&lt;hex HMAC-SHA256 of
/// "t.body" under the webhook's secret&gt;</c>. A failure is retried after 10 s, 20 s, 40 s... up to an hour, and given
/// up after 12 attempts. Every attempt is audited as a disclosure; a hit's attempts land in its case's timeline too.
/// </summary>
public sealed class DeliverWebhooks(PasserelleDb db, AuditTrail trail, TimeProvider time)
{
    public const int MaxAttempts = 12;

    public async Task<int> RunOnceAsync(HttpClient http, CancellationToken ct)
    {
        var now = time.UtcNow();
        var due = await (
            from d in db.WebhookDeliveries
            join w in db.Webhooks on d.WebhookId equals w.Id
            where d.DeliveredAt == null && d.GaveUpAt == null && d.NextAttemptAt <= now && w.DisabledAt == null
            orderby d.NextAttemptAt
            select new { d, w.Url, w.Secret, w.AgencyId }).Take(50).ToListAsync(ct);
        foreach (var item in due)
        {
            var (status, error) = await SendAsync(http, item.Url, item.Secret, item.d, ct);
            var delivery = item.d;
            delivery.Attempts++;
            delivery.LastStatus = status;
            delivery.LastError = error;
            var at = time.UtcNow();
            var delivered = status is >= 200 and < 300;
            if (delivered)
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

            if (delivery.CaseId is { } caseId && delivery.Event.StartsWith("hit.", StringComparison.Ordinal))
            {
                db.HitCaseEvents.Add(new HitCaseEvent
                {
                    CaseId = caseId,
                    At = at,
                    Kind = delivered ? "webhook-delivered" : "webhook-failed",
                    By = "passerelle",
                    Note = $"attempt {delivery.Attempts}: {(status is null ? error : $"HTTP {status}")}",
                });
            }

            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await trail.AppendAsync(db, new AuditRecord(delivered ? AuditEvent.WebhookDelivered : AuditEvent.WebhookFailed,
                delivered ? Outcomes.Success : Outcomes.Failure, null, "passerelle", null, null,
                Target: $"webhook:{delivery.WebhookId}", Details: AuditDetails.With("event", delivery.Event).And("case", delivery.CaseId)
                    .And("attempt", delivery.Attempts).And("status", status).And("error", error)), ct);
            await transaction.CommitAsync(ct);
        }

        return due.Count;
    }

    public static string Sign(string secret, long timestamp, string body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp.ToString(CultureInfo.InvariantCulture)}.{body}")));

    private async Task<(int? Status, string? Error)> SendAsync(HttpClient http, string url, string secret, WebhookDelivery delivery, CancellationToken ct)
    {
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(delivery.Payload, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Passerelle-Event", delivery.Event);
        request.Headers.Add("X-Passerelle-Delivery", delivery.Id.ToString());
        request.Headers.Add("X-Passerelle-Signature", $"t={timestamp.ToString(CultureInfo.InvariantCulture)},v1={Sign(secret, timestamp, delivery.Payload)}");
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(10));
            using var response = await http.SendAsync(request, timeout.Token);
            return ((int)response.StatusCode, null);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return (null, ex is TaskCanceledException ? "timed out" : "could not connect");
        }
    }
}
