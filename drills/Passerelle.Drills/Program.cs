using System.Globalization;
using Passerelle.Drills.Harness;

namespace Passerelle.Drills;

/// <summary>
/// <c>Passerelle.Drills DRILL [ARGUMENT] [--option value ...]</c>: runs one drill, prints its figures, and exits 0 when
/// its properties hold, 1 when one fails, 2 when this machine cannot run it (no PostgreSQL, not root), 3 when
/// the drill broke off before it could judge.
/// </summary>
internal static class Program
{
    private const string Usage = """
        usage: Passerelle.Drills DRILL [--option value ...]
          kill9-screening sqlite|postgres  [--rounds 3] [--seconds 10] [--workers 16]
          kill9-import sqlite|postgres     [--records 200000]
          pg-outage                        [--outage 5] [--workers 16] [--bound 5]
          full-disk                        [--size-mb 20] [--room-mb 2]  (needs root: mounts a tmpfs)
          soak                             [--minutes 10] [--max-seconds 20] [--records 100000] [--connections 64]
                                           [--dumps FOLDER]  (dumps of the server after minute 2 and at the end)
          follow                           [--rounds 20] [--follow-ms 500]
        """;

    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 0)
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }

        // Figures print the same everywhere: a decimal point, never a comma.
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        var options = Options(args[1..]);
        try
        {
            var report = args[0] switch
            {
                "kill9-screening" => await Kill9ScreeningDrill.RunAsync(new Kill9ScreeningOptions(Database(args),
                    options.Int("rounds", 3), options.Double("seconds", 10), options.Int("workers", 16))),
                "kill9-import" => await Kill9ImportDrill.RunAsync(new Kill9ImportOptions(Database(args),
                    options.Int("records", 200_000))),
                "pg-outage" => await PostgresOutageDrill.RunAsync(new PostgresOutageOptions(
                    OutageSeconds: options.Double("outage", 5), RecoveryBoundSeconds: options.Double("bound", 5),
                    Workers: options.Int("workers", 16))),
                "full-disk" => await FullDiskDrill.RunAsync(new FullDiskOptions(
                    options.Int("size-mb", 20), options.Int("room-mb", 2))),
                "soak" => await SoakDrill.RunAsync(new SoakOptions(options.Double("minutes", 10),
                    options.Int("max-seconds", 20), options.Int("records", 100_000), options.Int("connections", 64),
                    options.Text("dumps"))),
                "follow" => await FollowDrill.RunAsync(new FollowOptions(
                    options.Int("rounds", 20), options.Int("follow-ms", 500))),
                _ => null,
            };
            if (report is null)
            {
                await Console.Error.WriteLineAsync(Usage);
                return 2;
            }

            Console.Out.Write(report.ToString());
            return report.Passed ? 0 : 1;
        }
        catch (DrillCannotRunException cannot)
        {
            await Console.Error.WriteLineAsync($"cannot run here: {cannot.Message}");
            return 2;
        }
        catch (Exception broken) when (broken is InvalidOperationException or HttpRequestException or IOException)
        {
            // The drill could not get as far as its properties: setting up or reading back failed.
            await Console.Error.WriteLineAsync($"the drill broke off: {broken}");
            return 3;
        }
    }

    private static DrillDatabase Database(string[] args) => args.ElementAtOrDefault(1) switch
    {
        "postgres" or "postgresql" => DrillDatabase.PostgreSql,
        "sqlite" or null => DrillDatabase.Sqlite,
        var other => throw new DrillCannotRunException($"unknown database '{other}': sqlite or postgres"),
    };

    private static DrillArguments Options(string[] args)
    {
        var named = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                named[args[i][2..]] = args[++i];
            }
        }

        return new DrillArguments(named);
    }
}

/// <summary>The drill's <c>--name value</c> options, each with its default.</summary>
internal sealed class DrillArguments(Dictionary<string, string> named)
{
    public int Int(string name, int fallback) =>
        named.TryGetValue(name, out var value) ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    public string? Text(string name) => named.GetValueOrDefault(name);

    public double Double(string name, double fallback) =>
        named.TryGetValue(name, out var value) ? double.Parse(value, CultureInfo.InvariantCulture) : fallback;
}
