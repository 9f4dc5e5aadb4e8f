using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using Passerelle.Core.Common;

namespace Passerelle.Core.Pictures;

/// <summary><c>Pictures:MaxConcurrent</c> (default: the processor count) and <c>:WaitMilliseconds</c>.</summary>
public sealed class PicturesSettings
{
    public const string Section = "Pictures";

    [Range(1, 1024)]
    public int MaxConcurrent { get; set; } = Environment.ProcessorCount;

    [Range(0, 60_000)]
    public int WaitMilliseconds { get; set; } = 2_000;
}

/// <summary>
/// Decoding, re-encoding and reading barcodes take hundreds of megabytes and a whole core for a moment per picture.
/// Only <c>Pictures:MaxConcurrent</c> pictures are worked on at once, so a burst of uploads cannot exhaust memory;
/// a request that finds no free slot within <c>Pictures:WaitMilliseconds</c> is told to come back
/// (<c>pictures.busy</c>) rather than queue without end.
/// </summary>
public sealed class ImageWork(IOptions<PicturesSettings> settings) : IDisposable
{
    private readonly SemaphoreSlim slots = new(settings.Value.MaxConcurrent, settings.Value.MaxConcurrent);
    private readonly TimeSpan wait = TimeSpan.FromMilliseconds(settings.Value.WaitMilliseconds);

    public static Error Busy =>
        PictureErrors.Busy.With("The server is busy with other pictures; send this one again in a moment.");

    /// <summary>Runs <paramref name="work"/> in a free slot, or answers <see cref="Busy"/> if none frees up.</summary>
    public async Task<Result<T>> RunAsync<T>(Func<Task<Result<T>>> work, CancellationToken ct)
    {
        if (!await slots.WaitAsync(wait, ct))
        {
            return Busy;
        }

        try
        {
            return await work();
        }
        finally
        {
            slots.Release();
        }
    }

    public void Dispose() => slots.Dispose();
}
