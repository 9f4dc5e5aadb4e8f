namespace Passerelle.Core.Trust.Access;

/// <summary>
/// Who is acting: a signed-in person, a machine with an API token, or the operator at the server's console.
/// </summary>
/// <param name="Scopes">
/// The token's scopes; null when a person acts directly, with everything their roles allow.
/// </param>
public sealed record Actor(
    Guid? UserId,
    string Login,
    Guid? AgencyId,
    string? AgencyCode,
    IReadOnlySet<string> Roles,
    Guid? TokenId = null,
    IReadOnlySet<string>? Scopes = null,
    string? Source = null)
{
    /// <summary>The primitive <see cref="AccessRules"/> builds on; nothing else asks it.</summary>
    internal bool IsInRole(string role) => Roles.Contains(role);

    public bool HasScope(string scope) => Scopes is null || Scopes.Contains(scope);

    /// <summary>
    /// The person who runs <c>passerelle</c> commands on the server already holds the database; the console acts as
    /// an administrator and auditor, and every one of its actions is audited under its operating-system login.
    /// </summary>
    public static Actor Console() => new(
        null,
        $"console:{Environment.UserName}",
        null,
        null,
        new HashSet<string>(StringComparer.Ordinal) { Access.Roles.Admin, Access.Roles.Auditor },
        Source: "console");
}
