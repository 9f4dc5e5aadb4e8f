using Microsoft.EntityFrameworkCore;

namespace Passerelle.Core.Common;

/// <summary>
/// One page of a long list: its items, which page it is, and how many items there are in all. The total is counted
/// up to <see cref="Paging.CountCap"/> only, so that a page of a trail of millions of entries costs no more than a
/// page of a short one; past the cap, <see cref="MoreThanTotal"/> says so.
/// </summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Number, int Size, int Total, bool MoreThanTotal)
{
    public bool HasPrevious => Number > 1;

    /// <summary>
    /// Past the count's cap there is no next page: narrow the list instead (a filter, or an earlier start).
    /// </summary>
    public bool HasNext => (long)Number * Size < (MoreThanTotal ? Paging.CountCap : Total);

    /// <summary>The position of the first item on this page, from 1; 0 when the page is empty.</summary>
    public int First => Items.Count == 0 ? 0 : ((Number - 1) * Size) + 1;

    public int Last => Items.Count == 0 ? 0 : First + Items.Count - 1;
}

public static class Paging
{
    public const int MaxSize = 200;

    public const int CountCap = 10_000;

    /// <summary>The sizes a page offers; any size from 1 to <see cref="MaxSize"/> is accepted.</summary>
    public static readonly int[] Sizes = [25, 50, 100, 200];

    public static Error? Check(int number, int size) =>
        new Validation()
            .Require(size is >= 1 and <= MaxSize, "size", PagingErrors.Size, $"size is between 1 and {MaxSize}.")
            // A deep page would make the database walk every row before it; the count stops at the cap, so do pages.
            .Require(number >= 1 && (long)(number - 1) * Math.Max(size, 1) < CountCap, "page", PagingErrors.Number,
                $"page is a number from 1, within the first {CountCap} items; narrow the list to go further.")
            .ToError();

    /// <summary>
    /// Counts <paramref name="ordered"/> up to the cap, then reads its page <paramref name="number"/>.
    /// </summary>
    public static async Task<Page<T>> ReadAsync<T>(IQueryable<T> ordered, int number, int size, CancellationToken ct)
    {
        var counted = await ordered.Take(CountCap + 1).CountAsync(ct);
        var items = await ordered.Skip((number - 1) * size).Take(size).ToListAsync(ct);
        return new Page<T>(items, number, size, Math.Min(counted, CountCap), counted > CountCap);
    }
}
