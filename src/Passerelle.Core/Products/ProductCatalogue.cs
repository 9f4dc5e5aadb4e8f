using System.Collections.Concurrent;
using System.Globalization;
using Passerelle.Core.Alerts;

namespace Passerelle.Core.Products;

/// <summary>A published sheet as this node holds it, with its owner's code and its pictures.</summary>
public sealed record CataloguedSheet(ProductSheet Sheet, string Owner, IReadOnlyList<Pictures.PictureRef> Pictures);

/// <summary>
/// This node's copy of what an officer's barcode lookup reads: published sheets by GTIN, and the alerts not closed.
/// A lookup then touches the database only to make its audit entry durable. <see cref="FollowCatalogue"/> fills it at
/// start-up and follows every change, on any node, through the sheets' and alerts' change sequence.
/// </summary>
public sealed class ProductCatalogue : IDisposable
{
    // A plain dictionary behind a lock rather than a concurrent one: a million GTINs are then two arrays for the
    // garbage collector to walk instead of a million nodes, and writes are rare.
    private readonly Dictionary<long, Guid> byGtin = [];
    private readonly ReaderWriterLockSlim gtinLock = new();
    private readonly ConcurrentDictionary<Guid, CataloguedSheet> sheets = new();
    private readonly ConcurrentDictionary<Guid, Alert> alerts = new();
    private long sequence;
    private int changed;
    private volatile bool loaded;

    /// <summary>Held while the catalogue is loaded or caught up, so one reader at a time does it.</summary>
    public SemaphoreSlim Gate { get; } = new(1, 1);

    public bool Loaded => loaded;

    public long Sequence => Interlocked.Read(ref sequence);

    public int Sheets => sheets.Count;

    public int Gtins
    {
        get
        {
            gtinLock.EnterReadLock();
            try
            {
                return byGtin.Count;
            }
            finally
            {
                gtinLock.ExitReadLock();
            }
        }
    }

    /// <summary>
    /// A write on this node committed: the next lookup here catches up first instead of waiting for the poll.
    /// </summary>
    public void Changed() => Interlocked.Exchange(ref changed, 1);

    internal bool TakeChanged() => Interlocked.Exchange(ref changed, 0) == 1;

    /// <param name="gtin">A GTIN-14, as <see cref="Standards.Gtin"/> normalises it.</param>
    public CataloguedSheet? Find(string gtin)
    {
        Guid id;
        gtinLock.EnterReadLock();
        try
        {
            if (!byGtin.TryGetValue(Key(gtin), out id))
            {
                return null;
            }
        }
        finally
        {
            gtinLock.ExitReadLock();
        }

        return sheets.TryGetValue(id, out var sheet) ? sheet : null;
    }

    public IEnumerable<Alert> OpenAlerts(DateOnly today) =>
        alerts.Values.Where(a => a.Status == AlertStatus.Active && a.ExpiresOn >= today);

    /// <summary>
    /// Holds the sheet as it now is; a draft is dropped, and GTINs it no longer has stop pointing at it.
    /// </summary>
    internal void Put(CataloguedSheet sheet)
    {
        var id = sheet.Sheet.Id;
        gtinLock.EnterWriteLock();
        try
        {
            if (sheets.TryGetValue(id, out var previous))
            {
                foreach (var gtin in previous.Sheet.Gtins)
                {
                    if (byGtin.TryGetValue(Key(gtin.Gtin), out var holder) && holder == id)
                    {
                        byGtin.Remove(Key(gtin.Gtin));
                    }
                }
            }

            if (sheet.Sheet.PublishedAt is null)
            {
                sheets.TryRemove(id, out _);
                return;
            }

            sheets[id] = sheet;
            foreach (var gtin in sheet.Sheet.Gtins)
            {
                byGtin[Key(gtin.Gtin)] = id;
            }
        }
        finally
        {
            gtinLock.ExitWriteLock();
        }
    }

    internal void Put(Alert alert)
    {
        if (alert.Status == AlertStatus.Closed)
        {
            alerts.TryRemove(alert.Id, out _);
        }
        else
        {
            alerts[alert.Id] = alert;
        }
    }

    internal void CaughtUpTo(long last)
    {
        if (last > Interlocked.Read(ref sequence))
        {
            Interlocked.Exchange(ref sequence, last);
        }
    }

    internal void MarkLoaded() => loaded = true;

    /// <summary>Fourteen digits fit a long: a million GTINs cost a third of what strings would.</summary>
    private static long Key(string gtin) => long.Parse(gtin, NumberStyles.None, CultureInfo.InvariantCulture);

    public void Dispose()
    {
        gtinLock.Dispose();
        Gate.Dispose();
    }
}
