namespace Passerelle.Core.Notifications;

/// <summary>
/// A message in an agency's in-app inbox. Addressed to the agency's coordinators, or to one person; the inbox shows
/// each to whom it is addressed and no one else.
/// </summary>
public sealed class Notification
{
    public Guid Id { get; init; }

    public Guid AgencyId { get; init; }

    /// <summary>Null when the agency's coordinators are the audience.</summary>
    public Guid? UserId { get; init; }

    public required string Kind { get; init; }

    public Guid? CaseId { get; init; }

    /// <summary>The column's length; a longer message (a decision with a long note) is cut with an ellipsis.</summary>
    public const int MaxMessage = 1000;

    public required string Message
    {
        get;
        init => field = value.Length <= MaxMessage ? value : string.Concat(value.AsSpan(0, MaxMessage - 1), "…");
    }

    public DateTime CreatedAt { get; init; }

    public DateTime? ReadAt { get; set; }
}
