using Passerelle.Core.Common;
using Passerelle.Core.Trust.Access;

namespace Passerelle.Core.Trust.Audit;

public static class AuditDenials
{
    /// <summary>Records that an access rule refused the actor, and returns the refusal to give them.</summary>
    public static async Task<Error> DenyAsync(
        this AuditWriter audit, Actor actor, string target, CancellationToken ct, string? message = null)
    {
        await audit.AppendAsync(AuditRecord.For(actor, AuditEvent.AccessDenied, Outcomes.Denied, target: target), ct);
        return AccessErrors.Denied.With(message ?? AccessErrors.DeniedMessage);
    }
}
