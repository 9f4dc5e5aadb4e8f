using System.Globalization;
using System.Text.RegularExpressions;
using Passerelle.Drills.Harness;

namespace Passerelle.Drills;

/// <param name="KillAfterBatches">
/// How many batches must be in before the kill; by default a random number in the file's first half.
/// </param>
internal sealed record Kill9ImportOptions(DrillDatabase Database, int Records = 200_000, int? KillAfterBatches = null);

/// <summary>
/// <c>kill -9</c> of <c>passerelle documents import</c> in the middle of a large file, then the same import again.
/// Each batch of 10,000 rows is one transaction with its audit entry, so after the kill the register holds whole
/// batches only, each record once, each saying who made it and counted by an audit entry; the re-run adds
/// exactly what is missing and nothing twice; and the audit chain verifies.
/// </summary>
internal static partial class Kill9ImportDrill
{
    private const int BatchSize = 10_000;

    public static async Task<DrillReport> RunAsync(Kill9ImportOptions options)
    {
        var report = new DrillReport($"kill -9 during an import ({options.Database})");
        await using var workspace = await Workspace.CreateAsync(options.Database);
        await DrillWorld.AddAgencyAsync(workspace);
        var csv = Path.Combine(workspace.Folder, "records.csv");
        await Synthetic.WriteCsvAsync(csv, options.Records);
        report.Figure("file", $"{options.Records} records, {new FileInfo(csv).Length / 1024 / 1024} MiB");

        var batches = options.KillAfterBatches
            ?? Random.Shared.Next(1, Math.Max(2, (options.Records / BatchSize / 2) + 1));
        var (seen, finishedFirst) = await ImportAndKillAsync(workspace, csv, batches * BatchSize);
        if (finishedFirst)
        {
            report.Fail($"the import finished before it could be killed ({seen} records): give it more records");
            return report;
        }

        var cut = await Evidence.RegisterAsync(workspace, DrillWorld.Agency);
        report.Figure("killed", $"once {seen} records were in (waiting for {batches} batches); "
            + $"{cut.Live} live records after it, {cut.Live / BatchSize} whole batches");
        CheckRegister(report, "after the kill", cut);
        report.Check(cut.Live % BatchSize == 0,
            $"after the kill: {cut.Live} records is not a whole number of batches: a batch was half-written");
        report.Check(cut.Live < options.Records, "after the kill: every record is there, so the kill came too late");

        var rerun = await workspace.RunAsync(null, "documents", "import", csv, "--agency", DrillWorld.Agency);
        report.Figure("re-run", $"exit {rerun.ExitCode}: {rerun.Output.Trim()}");
        report.Check(rerun.ExitCode == 0, $"the re-run failed ({rerun.ExitCode}): {rerun.Output} {rerun.Error}");
        CheckSummary(report, rerun.Output, created: options.Records - cut.Live, unchanged: cut.Live);

        var whole = await Evidence.RegisterAsync(workspace, DrillWorld.Agency);
        report.Figure("after the re-run", $"{whole.Live} live records, {whole.Duplicates} held twice, "
            + $"{whole.Made} saying who made them, {whole.ImportedCreated} created by the import's audit entries, "
            + $"unique index {(whole.UniqueIndex ? "present" : "MISSING")}");
        CheckRegister(report, "after the re-run", whole);
        report.Check(whole.Live == options.Records,
            $"after the re-run: {whole.Live} live records, not the file's {options.Records}");
        if (workspace.Database == DrillDatabase.Sqlite)
        {
            var integrity = await Evidence.IntegrityAsync(workspace);
            report.Figure("PRAGMA integrity_check", integrity);
            report.Check(integrity == "ok", $"SQLite integrity check: {integrity}");
        }

        await Checks.AuditVerifiesAsync(report, workspace);
        return report;
    }

    /// <summary>Starts the import; kills it once <paramref name="records"/> are in, the next batch under way.</summary>
    private static async Task<(long Seen, bool FinishedFirst)> ImportAndKillAsync(
        Workspace workspace, string csv, long records)
    {
        await using var connection = await workspace.OpenDatabaseAsync();
        using var import = workspace.StartCommand("documents", "import", csv, "--agency", DrillWorld.Agency);
        long seen = 0;
        while (!import.HasExited && seen < records)
        {
            await Task.Delay(25);
            seen = await Evidence.ScalarAsync(connection, "SELECT COUNT(*) FROM travel_documents");
        }

        if (import.HasExited)
        {
            return (seen, true);
        }

        // Somewhere inside the next batch: reading, matching or writing it.
        await Task.Delay(Random.Shared.Next(20, 200));
        import.Kill();
        await import.WaitForExitAsync();
        // A server backend may still be finishing the statement the client sent before it died; let it give up.
        await Task.Delay(1000);
        return (seen, false);
    }

    private static void CheckRegister(DrillReport report, string when, RegisterState state)
    {
        report.Check(state.Duplicates == 0, $"{when}: {state.Duplicates} documents are held twice by one agency");
        report.Check(state.Made == state.Live,
            $"{when}: {state.Live} records but {state.Made} say who made them");
        report.Check(state.ImportedCreated == state.Live,
            $"{when}: {state.Live} records but the import's audit entries count {state.ImportedCreated}");
        report.Check(state.UniqueIndex,
            $"{when}: the unique index on (issuing state, type, number, owner) is missing or invalid");
    }

    private static void CheckSummary(DrillReport report, string output, long created, long unchanged)
    {
        var counts = Summary().Match(output);
        if (!counts.Success)
        {
            report.Fail($"the re-run's summary is not 'Created N, updated N, unchanged N, rejected N': {output}");
            return;
        }

        long Count(string name) => long.Parse(counts.Groups[name].Value, CultureInfo.InvariantCulture);
        report.Check(Count("created") == created && Count("unchanged") == unchanged
                && Count("updated") == 0 && Count("rejected") == 0,
            $"the re-run should create {created} and leave {unchanged} unchanged: {output.Trim()}");
    }

    [GeneratedRegex(
        @"Created (?<created>\d+), updated (?<updated>\d+), unchanged (?<unchanged>\d+), rejected (?<rejected>\d+)")]
    private static partial Regex Summary();
}
