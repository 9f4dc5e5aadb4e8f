using Passerelle.Core.Access;
using Passerelle.Core.Products;

namespace Passerelle.Pages.Statistics;

public sealed record BarChart(string Id, string Title, IReadOnlyList<Tally> Tallies);

/// <summary>Seized and destroyed goods by brand, HS chapter, place and month, drawn as bar charts with the figures beside them.</summary>
public sealed class SeizuresModel(SeizureStatistics statistics) : PasserellePage
{
    protected internal override bool MayOpen(Actor actor) => AccessRules.MaySeeSeizureStatistics(actor);

    public SeizureReport? Report { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) =>
        Report = await LoadOrShowAsync(statistics.HandleAsync(Actor, ct));
}
