using System.Collections.Frozen;
using Passerelle.Core.Trust.Access;

namespace Passerelle.Pages.Tokens;

/// <summary>
/// What each scope lets a token do, in words a coordinator reads beside the scope's own name. The English is the key
/// of its French in the page text, as everywhere on the pages.
/// </summary>
internal static class ScopeWords
{
    private static readonly FrozenDictionary<string, string> Words = new Dictionary<string, string>
    {
        [Scopes.AgenciesRead] = "Read the agencies",
        [Scopes.AgenciesWrite] = "Add and change agencies",
        [Scopes.UsersRead] = "Read the people",
        [Scopes.UsersWrite] = "Add and manage people",
        [Scopes.TokensRead] = "Read the tokens",
        [Scopes.TokensWrite] = "Make and revoke tokens",
        [Scopes.AuditRead] = "Read the audit trail",
        [Scopes.DocumentsWrite] = "Register, change and withdraw travel documents",
        [Scopes.DocumentsScreen] = "Screen travel documents",
        [Scopes.DocumentsScreenMinimal] = "Screen travel documents, hit or no hit alone (a carrier's check-in)",
        [Scopes.ProductsWrite] = "Describe the brand's products",
        [Scopes.ProductsLookup] = "Look up products",
        [Scopes.NotificationsRead] = "Read the notifications",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The words for <paramref name="scope"/>, or the scope itself if it has none.</summary>
    public static string Of(string scope) => Words.GetValueOrDefault(scope) ?? scope;

    /// <summary>Whether every scope has its words, so none is shown by its bare name.</summary>
    public static bool CoverAll => Scopes.All.All(Words.ContainsKey);
}
