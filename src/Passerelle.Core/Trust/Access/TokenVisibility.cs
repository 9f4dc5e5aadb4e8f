namespace Passerelle.Core.Trust.Access;

/// <summary>Which tokens a listing shows, as a filter a query can apply in the database.</summary>
public enum TokenVisibility
{
    None,

    /// <summary>The actor's own tokens.</summary>
    Own,

    /// <summary>The tokens of every person of the actor's agency, its own among them.</summary>
    Agency,

    All,
}
