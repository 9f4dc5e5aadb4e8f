using Passerelle.Core.Common;

namespace Passerelle.Pages;

/// <summary>
/// Previous and next links under a long list, with where the page is in it and how long a page is.
/// <paramref name="Link"/> makes the address of page (number, size) with the list's filters kept.
/// </summary>
public sealed record PagerView(
    string Label, string Noun, int Number, int Size, int Total, bool MoreThanTotal, int First, int Last,
    Func<int, int, string> Link)
{
    public static PagerView Of<T>(Page<T> page, string label, string noun, Func<int, int, string> link) =>
        new(label, noun, page.Number, page.Size, page.Total, page.MoreThanTotal, page.First, page.Last, link);

    public bool HasPrevious => Number > 1;

    public bool HasNext => MoreThanTotal || (long)Number * Size < Total;

    public int Pages => Math.Max(1, (Total + Size - 1) / Size);
}
