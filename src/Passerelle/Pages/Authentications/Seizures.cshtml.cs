using Passerelle.Core.Authentications;
using Passerelle.Core.Trust.Access;

namespace Passerelle.Pages.Authentications;

/// <summary>
/// Seized and destroyed goods by brand, HS chapter, place and month, drawn as bar charts with the figures beside
/// them. Served at <c>/Statistics/Seizures</c>, where it has always been.
/// </summary>
public sealed class SeizuresModel(SeizureStatistics statistics) : PasserellePage
{
    protected internal override bool MayOpen(Actor actor) => AccessRules.MaySeeSeizureStatistics(actor);

    public SeizureReport? Report { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) =>
        Report = await LoadOrShowAsync(statistics.HandleAsync(Actor, ct));
}
