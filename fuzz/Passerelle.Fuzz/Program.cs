using SharpFuzz;

namespace Passerelle.Fuzz;

/// <summary>
/// The AFL++ entry point: <c>Passerelle.Fuzz TARGET</c> runs one harness in SharpFuzz's persistent fork server, fed
/// by afl-fuzz on standard input. Without afl-fuzz it runs the harness once on standard input, which replays a crash.
/// </summary>
internal static class Program
{
    private static readonly Dictionary<string, Action<string>> Harnesses = new(StringComparer.Ordinal)
    {
        ["mrz"] = Targets.Mrz,
        ["gs1"] = Targets.Gs1,
        ["csv"] = Targets.Csv,
    };

    public static int Main(string[] args)
    {
        if (args.Length != 1 || !Harnesses.TryGetValue(args[0], out var harness))
        {
            Console.Error.WriteLine($"usage: Passerelle.Fuzz {string.Join('|', Harnesses.Keys)}");
            return 2;
        }

        // Out of process, so that a stack overflow or a hang costs a restarted child, not the whole campaign.
        Fuzzer.OutOfProcess.Run(stream => harness(Targets.Decode(stream)));
        return 0;
    }
}
