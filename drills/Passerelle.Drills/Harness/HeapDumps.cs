using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Diagnostics.Runtime;

namespace Passerelle.Drills.Harness;

/// <summary>
/// Dumps of the server's memory taken during a soak (<c>createdump</c>, which ships with the runtime), and what they
/// hold: the objects still reachable from a root, by type, and how that changed from one dump to the next. A leak
/// shows as a type whose reachable count keeps growing; garbage the GC has not yet collected does not count.
/// </summary>
internal static class HeapDumps
{
    /// <summary>Writes a full dump of the process; the process is paused while it is written.</summary>
    public static async Task<string> TakeAsync(int processId, string file)
    {
        var createdump = Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "createdump");
        await Processes.RunCheckedAsync(createdump, ["--full", "-f", file, $"{processId}"]);
        return file;
    }

    /// <summary>The reachable objects of a dump, by type: count and bytes.</summary>
    public static Dictionary<string, (long Count, long Bytes)> Reachable(string dump)
    {
        using var target = DataTarget.LoadDump(dump);
        using var runtime = target.ClrVersions[0].CreateRuntime();
        var heap = runtime.Heap;
        var seen = new HashSet<ulong>();
        var pending = new Stack<ulong>(heap.EnumerateRoots().Select(r => r.Object.Address));
        var byType = new Dictionary<string, (long Count, long Bytes)>(StringComparer.Ordinal);
        while (pending.Count > 0)
        {
            var address = pending.Pop();
            if (address == 0 || !seen.Add(address))
            {
                continue;
            }

            var obj = heap.GetObject(address);
            if (!obj.IsValid)
            {
                continue;
            }

            var name = obj.Type?.Name ?? "(unknown)";
            var (count, bytes) = byType.GetValueOrDefault(name);
            byType[name] = (count + 1, bytes + (long)obj.Size);
            foreach (var reference in obj.EnumerateReferences())
            {
                pending.Push(reference.Address);
            }
        }

        return byType;
    }

    /// <summary>The types whose reachable bytes grew most from one dump to the other.</summary>
    public static string Compare(string first, string second, int top = 25)
    {
        var before = Reachable(first);
        var after = Reachable(second);
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"reachable: {Total(before)} then {Total(after)}\n")
            .Append("growth by type (bytes, objects):\n");
        var growth = after.OrderByDescending(t => t.Value.Bytes - before.GetValueOrDefault(t.Key).Bytes).Take(top);
        foreach (var (name, now) in growth)
        {
            var was = before.GetValueOrDefault(name);
            text.Append(CultureInfo.InvariantCulture, $"  {now.Bytes - was.Bytes,12:N0} B "
                + $"{now.Count - was.Count,10:N0} objects  {was.Bytes,12:N0} -> {now.Bytes,12:N0} B  {name}\n");
        }

        return text.ToString();
    }

    private static string Total(Dictionary<string, (long Count, long Bytes)> types) =>
        $"{types.Values.Sum(t => t.Bytes) / 1048576.0:F1} MiB in {types.Values.Sum(t => t.Count):N0} objects";
}
