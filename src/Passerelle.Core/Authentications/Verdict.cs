namespace Passerelle.Core.Authentications;

/// <summary>What the rights holder says of the detained goods.</summary>
public enum Verdict
{
    Genuine,
    Counterfeit,
    CannotTell,
}

/// <summary>The API's, the pages' and the audit trail's words for <see cref="Verdict"/>.</summary>
public static class Verdicts
{
    public static string Name(this Verdict verdict) => verdict switch
    {
        Verdict.Genuine => "genuine",
        Verdict.Counterfeit => "counterfeit",
        Verdict.CannotTell => "cannot-tell",
    };
}
