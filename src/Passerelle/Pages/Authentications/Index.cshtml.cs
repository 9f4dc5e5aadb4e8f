using Passerelle.Core.Authentications;
using Passerelle.Core.Notifications;
using Passerelle.Core.Trust.Access;

namespace Passerelle.Pages.Authentications;

/// <summary>
/// Authentication requests: for a rights holder, those it must answer; for an officer, those they sent; with the
/// notifications about them.
/// </summary>
public sealed class IndexModel(ListAuthentications list, Inbox inbox) : PasserellePage
{
    protected internal override bool MayOpen(Actor actor) => AccessRules.MayFollowAuthentications(actor);

    public IReadOnlyList<AuthenticationView> Requests { get; private set; } = [];

    public IReadOnlyList<NotificationView> Notifications { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (await LoadOrShowAsync(list.HandleAsync(Actor, ct)) is not { } requests)
        {
            return;
        }

        Requests = requests;
        if ((await inbox.ListAsync(Actor, unreadOnly: false, ct)) is { Succeeded: true } notes)
        {
            Notifications = [.. notes.Value.Where(n => n.Kind.StartsWith("authentication.", StringComparison.Ordinal))];
        }
    }
}
