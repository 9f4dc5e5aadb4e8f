using System.Linq.Expressions;

namespace Passerelle.Core.TravelDocuments;

/// <summary>
/// Which records screening finds, defined once: a live record (neither deleted nor recovered) until its review date
/// has passed. The screening query and the index's loader ask the database by it; the index's follower asks whether
/// a changed record is live, and the index checks the review date itself, since it passes while the index runs.
/// </summary>
internal static class Screenable
{
    /// <summary>A deleted or recovered record is never screened again, whatever its dates.</summary>
    public static readonly Expression<Func<TravelDocument, bool>> Live =
        d => d.DeletedAt == null && d.Status != DocumentStatus.Recovered;

    private static readonly Func<TravelDocument, bool> IsLiveNow = Live.Compile();

    public static bool IsLive(TravelDocument document) => IsLiveNow(document);

    /// <summary>The records screening finds on <paramref name="today"/>, as a filter the database applies.</summary>
    public static IQueryable<TravelDocument> ScreenableOn(this IQueryable<TravelDocument> documents, DateOnly today) =>
        documents.Where(Live).Where(d => d.ReviewOn >= today);
}
