namespace Passerelle.Core.Authentications;

/// <summary>What became of the detained goods, as the detaining agency records it; stored by name.</summary>
public enum AuthenticationOutcome
{
    Released,
    Seized,
    Destroyed,
}

/// <summary>The API's, the pages' and the audit trail's words for <see cref="AuthenticationOutcome"/>.</summary>
public static class AuthenticationOutcomes
{
    public static string Name(this AuthenticationOutcome outcome) => outcome switch
    {
        AuthenticationOutcome.Released => "released",
        AuthenticationOutcome.Seized => "seized",
        AuthenticationOutcome.Destroyed => "destroyed",
    };
}
