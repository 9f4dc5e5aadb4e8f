using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Passerelle.Drills.Harness;

/// <summary>
/// A small tmpfs of the drill's own, which a filler file makes as full as asked; unmounted when disposed. Mounting
/// needs root.
/// </summary>
internal sealed class SmallDisk : IAsyncDisposable
{
    private readonly List<string> fillers = [];

    private SmallDisk(string path) => Path = path;

    public string Path { get; }

    public long Free => new DriveInfo(Path).AvailableFreeSpace;

    public static async Task<SmallDisk> MountAsync(int megabytes)
    {
        if (!Processes.IsRoot)
        {
            throw new DrillCannotRunException("the full-disk drill mounts a tmpfs, which needs root.");
        }

        var path = Directory.CreateTempSubdirectory("passerelle-drill-disk-").FullName;
        await Processes.RunCheckedAsync("mount", ["-t", "tmpfs", "-o", $"size={megabytes}m,mode=0700", "tmpfs", path]);
        return new SmallDisk(path);
    }

    /// <summary>Writes a filler file until only <paramref name="leave"/> bytes are free, or the disk refuses.</summary>
    public async Task FillAsync(long leave)
    {
        var file = System.IO.Path.Combine(Path, $"filler-{fillers.Count + 1}");
        fillers.Add(file);
        var chunk = new byte[64 * 1024];
        Random.Shared.NextBytes(chunk);
        // Unbuffered, so a refused write fails here and not again when the file is closed.
        await using var stream = new FileStream(
            file, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0);
        try
        {
            while (Free - chunk.Length >= leave)
            {
                await stream.WriteAsync(chunk);
            }

            for (var rest = Math.Max(0, Free - leave); rest > 0; rest = Math.Max(0, Free - leave))
            {
                await stream.WriteAsync(chunk.AsMemory(0, (int)Math.Min(rest, 4096)));
            }
        }
        catch (IOException)
        {
            // The disk is full: that is what was wanted.
        }
    }

    /// <summary>Deletes every filler file.</summary>
    public void Empty() => fillers.ForEach(File.Delete);

    /// <summary>Every file under <paramref name="folder"/>, with its size.</summary>
    public static List<(string Name, long Bytes)> Files(string folder) => Directory.Exists(folder)
        ? [.. new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories)
            .Select(f => (f.Name, f.Length))]
        : [];

    /// <summary>A PNG of random pixels, which no encoder can shrink: each upload takes its full size on disk.</summary>
    public static byte[] NoisePng(int width, int height)
    {
        using var image = new Image<Rgb24>(width, height);
        var pixels = new byte[width * 3];
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                Random.Shared.NextBytes(pixels);
                System.Runtime.InteropServices.MemoryMarshal.Cast<byte, Rgb24>(pixels).CopyTo(rows.GetRowSpan(y));
            }
        });
        using var output = new MemoryStream();
        image.SaveAsPng(output);
        return output.ToArray();
    }

    public async ValueTask DisposeAsync()
    {
        if ((await Processes.RunAsync("umount", [Path])).ExitCode != 0)
        {
            // Something still holds a file open: detach now, free when it lets go.
            await Processes.RunAsync("umount", ["-l", Path]);
        }

        Directory.Delete(Path, recursive: true);
    }
}
