using Microsoft.AspNetCore.Mvc;
using Passerelle.Core.Home;
using Passerelle.Core.Notifications;
using Passerelle.Core.Trust.Access;

namespace Passerelle.Pages;

/// <summary>
/// A person's home: what waits for them, as counts that lead to the lists (hits to decide, requests to answer or
/// awaiting a verdict, overdue ones), and their unread notifications, which they mark read here.
/// </summary>
public sealed class IndexModel(CountWork counts, Inbox inbox) : PasserellePage
{
    protected internal override bool MayOpen(Actor actor) => AccessRules.MayUseOwnAccount(actor);

    public WorkCounts Counts { get; private set; } = WorkCounts.None;

    public IReadOnlyList<NotificationView> Unread { get; private set; } = [];

    [BindProperty(Name = "ids")]
    public List<Guid> Ids { get; set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Counts = await counts.HandleAsync(Actor, ct);
        ViewData["Counts"] = Counts;
        if (Counts.UnreadNotifications is > 0)
        {
            var notes = await inbox.ListAsync(Actor, unreadOnly: true, ct);
            Unread = notes.Succeeded ? notes.Value : [];
        }
    }

    /// <summary>Marks the notifications the page showed as read; those that arrived since stay unread.</summary>
    public async Task<IActionResult> OnPostReadAsync(CancellationToken ct)
    {
        foreach (var id in Ids.Distinct().Take(200))
        {
            var result = await inbox.MarkReadAsync(Actor, id, ct);
            if (!result.Succeeded)
            {
                return await RefuseAsync(result.Error, () => OnGetAsync(ct));
            }
        }

        return Telling(RedirectToPage(), "{0} notifications marked as read.", Ids.Distinct().Take(200).Count());
    }
}
