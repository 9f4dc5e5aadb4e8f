namespace Passerelle.Core.Authentications;

/// <summary>One message in the conversation between the officer's agency and the rights holder.</summary>
public sealed class AuthenticationMessage
{
    public long Id { get; init; }

    public Guid RequestId { get; init; }

    public DateTime At { get; init; }

    public required string By { get; init; }

    public required string Agency { get; init; }

    public required string Text { get; init; }
}
