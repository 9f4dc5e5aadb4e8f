using Passerelle.Core.Home;
using Passerelle.Core.Trust.Access;

namespace Passerelle.Pages.Shared;

/// <summary>
/// One entry of the main navigation: where it leads, the rule of the page it opens (the same rule the page asks in
/// <c>MayOpen</c>), the paths it stands for, and what its badge counts.
/// </summary>
internal sealed record NavItem(
    string Href, string Label, Func<Actor, bool> MayOpen, string Section, Func<WorkCounts, Badge?>? Badge = null)
{
    /// <summary>Whether <paramref name="path"/> is this entry's page, or a page under it (a case, a sheet).</summary>
    public bool IsCurrent(string path) =>
        Section == "/" ? path is "/" or "/Index" : path.StartsWith(Section, StringComparison.OrdinalIgnoreCase);
}

/// <summary>A count beside a navigation entry, with the words a screen reader says after it.</summary>
internal sealed record Badge(int Count, string Label)
{
    public static Badge? Of(int? count, string label) => count is > 0 ? new Badge(count.Value, label) : null;
}

/// <summary>The main navigation: each page a person may open, asked of <see cref="AccessRules"/> one by one.</summary>
internal static class Navigation
{
    public static readonly IReadOnlyList<NavItem> Items =
    [
        new("/", "Home", AccessRules.MayUseOwnAccount, "/",
            c => Badge.Of(c.UnreadNotifications, "unread notifications")),
        new("/Screen", "Screen", AccessRules.MayScreen, "/Screen"),
        new("/Hits", "Hits", AccessRules.MayFollowHits, "/Hits", c => Badge.Of(c.HitsToDecide, "to decide")),
        new("/Products/Lookup", "Genuine products", AccessRules.MayLookUpProducts, "/Products"),
        new("/Authentications", "Authentications", AccessRules.MayFollowAuthentications, "/Authentications",
            c => Badge.Of(c.RequestsToAnswer, "to answer") ?? Badge.Of(c.Overdue, "overdue")),
        new("/Brand/Products", "Your products", AccessRules.MayManageOwnProducts, "/Brand/Product"),
        new("/Brand/Alerts", "Your alerts", AccessRules.MayManageOwnProducts, "/Brand/Alerts"),
        new("/Statistics/Seizures", "Seizures", AccessRules.MaySeeSeizureStatistics, "/Statistics"),
        new("/Documents", "Register", AccessRules.MayRegisterDocuments, "/Documents"),
        new("/Agencies", "Agencies", AccessRules.MayListAgencies, "/Agencies"),
        new("/Users", "People", AccessRules.MayManagePeople, "/Users"),
        new("/Tokens", "Tokens", AccessRules.MayUseTokens, "/Tokens"),
        new("/Audit", "Audit trail", AccessRules.MayReadAudit, "/Audit"),
    ];

    public static IEnumerable<NavItem> For(Actor actor) =>
        AccessRules.MayUsePages(actor) ? Items.Where(item => item.MayOpen(actor)) : [];
}
