using System.Collections.Frozen;

namespace Passerelle.Core.Trust.Access;

/// <summary>What an API token may be used for. A token also never exceeds what its user's roles allow.</summary>
public static class Scopes
{
    public const string AgenciesRead = "agencies:read";
    public const string AgenciesWrite = "agencies:write";
    public const string UsersRead = "users:read";
    public const string UsersWrite = "users:write";
    public const string TokensRead = "tokens:read";
    public const string TokensWrite = "tokens:write";
    public const string AuditRead = "audit:read";
    public const string DocumentsWrite = "documents:write";
    public const string DocumentsScreen = "documents:screen";
    public const string DocumentsScreenMinimal = "documents:screen-minimal";
    public const string ProductsWrite = "products:write";
    public const string ProductsLookup = "products:lookup";
    public const string NotificationsRead = "notifications:read";

    private static readonly FrozenDictionary<string, string[]> ByRole = new Dictionary<string, string[]>
    {
        [Roles.Admin] = [AgenciesRead, AgenciesWrite, UsersRead, UsersWrite, TokensRead, TokensWrite],
        [Roles.Coordinator] =
        [
            AgenciesRead, UsersRead, UsersWrite, TokensRead, TokensWrite, DocumentsWrite, DocumentsScreen,
            DocumentsScreenMinimal, ProductsLookup, NotificationsRead,
        ],
        [Roles.Auditor] = [AgenciesRead, AuditRead, TokensRead],
        [Roles.Officer] = [TokensRead, DocumentsScreen, DocumentsScreenMinimal, ProductsLookup, NotificationsRead],
        [Roles.Investigator] =
        [
            TokensRead, DocumentsWrite, DocumentsScreen, DocumentsScreenMinimal, ProductsLookup, NotificationsRead,
        ],
        [Roles.RightsHolder] = [TokensRead, ProductsWrite, NotificationsRead],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static readonly FrozenSet<string> All = ByRole.Values.SelectMany(s => s).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The scopes a token of a user holding <paramref name="roles"/> may carry.</summary>
    public static IReadOnlySet<string> AllowedFor(IEnumerable<string> roles) =>
        roles.SelectMany(role => ByRole.GetValueOrDefault(role) ?? []).ToHashSet(StringComparer.Ordinal);
}
