using Passerelle.Core.Hits;
using Passerelle.Core.Trust.Access;

namespace Passerelle.Pages.Hits;

public sealed class DetailModel(ListHits list) : PasserellePage
{
    protected internal override bool MayOpen(Actor actor) => AccessRules.MayFollowHits(actor);

    public HitView? Case { get; private set; }

    public async Task OnGetAsync(Guid id, CancellationToken ct) =>
        Case = await LoadOrShowAsync(list.GetAsync(Actor, id, ct));
}
