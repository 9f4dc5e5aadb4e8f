using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Passerelle.Core.Data;

namespace Passerelle.Core.Notifications;

/// <summary>The one-time rewrite of webhook secrets stored in plain text before secrets were protected.</summary>
public sealed class ProtectPlainWebhookSecrets(
    PasserelleDb db, WebhookSecrets secrets, ILogger<ProtectPlainWebhookSecrets> log)
{
    /// <summary>
    /// Encrypts the secrets that rows from before protection still hold in plain text, and returns how many. It runs
    /// once as a node starts (SQL cannot do it: the keys are the application's), and is safe on several nodes at once:
    /// a row is rewritten only while it still holds the plain secret read. A row a node of the previous version writes
    /// later, during a rolling upgrade, still delivers (<see cref="WebhookSecrets.TryReveal"/>) and is protected at
    /// the next start. Rewriting the storage form changes nothing a webhook does, so it is logged, not audited.
    /// </summary>
    public async Task<int> HandleAsync(CancellationToken ct)
    {
        var prefix = WebhookSignature.SecretPrefix;
        var candidates = await db.Webhooks.AsNoTracking()
            .Where(w => w.Secret.StartsWith(prefix) || w.Secret.Length == 64)
            .Select(w => new { w.Id, w.Secret })
            .ToListAsync(ct);
        var protectedCount = 0;
        foreach (var row in candidates.Where(r => WebhookSecrets.IsPlain(r.Secret)))
        {
            var stored = secrets.Protect(row.Secret);
            protectedCount += await db.Webhooks.Where(w => w.Id == row.Id && w.Secret == row.Secret)
                .ExecuteUpdateAsync(s => s.SetProperty(w => w.Secret, stored), ct);
        }

        if (protectedCount > 0)
        {
            log.LogInformation("Encrypted the plain signing secrets of {Count} webhooks", protectedCount);
        }

        return protectedCount;
    }
}
