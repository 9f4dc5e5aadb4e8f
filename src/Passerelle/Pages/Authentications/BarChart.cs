using Passerelle.Core.Authentications;

namespace Passerelle.Pages.Authentications;

/// <summary>One chart of the seizure statistics page: its element id, its title and its bars.</summary>
public sealed record BarChart(string Id, string Title, IReadOnlyList<Tally> Tallies);
