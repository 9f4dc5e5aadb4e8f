using Passerelle.Core.Access;
using Passerelle.Core.Hits;

namespace Passerelle.Pages.Hits;

public sealed class DetailModel(ListHits list) : PasserellePage
{
    protected internal override bool MayOpen(Actor actor) => AccessRules.MayFollowHits(actor);

    public HitView? Case { get; private set; }

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        var result = await list.GetAsync(Actor, id, ct);
        if (result.Succeeded)
        {
            Case = result.Value;
        }
        else
        {
            Show(result.Error!);
        }
    }
}
