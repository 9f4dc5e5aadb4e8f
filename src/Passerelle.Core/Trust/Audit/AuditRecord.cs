using Passerelle.Core.Trust.Access;

namespace Passerelle.Core.Trust.Audit;

/// <summary>What happened, before it takes its place in the chain.</summary>
public sealed record AuditRecord(
    AuditEvent Event,
    string Outcome,
    Guid? UserId,
    string? Login,
    string? AgencyCode,
    Guid? TokenId,
    string? Target = null,
    string? Purpose = null,
    AuditDetails? Details = null,
    string? Source = null)
{
    public static AuditRecord For(
        Actor actor,
        AuditEvent e,
        string outcome = Outcomes.Success,
        string? target = null,
        string? purpose = null,
        AuditDetails? details = null) =>
        new(e, outcome, actor.UserId, actor.Login, actor.AgencyCode, actor.TokenId, target, purpose, details,
            actor.Source);
}
