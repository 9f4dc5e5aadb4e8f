using System.Diagnostics;

namespace Passerelle.Drills.Harness;

/// <summary>What a finished process said.</summary>
internal sealed record ProcessRun(int ExitCode, string Output, string Error);

/// <summary>Runs helper programs (pg_ctl, mount, kill) to the end and collects what they print.</summary>
internal static class Processes
{
    public static bool IsRoot => Environment.UserName == "root";

    /// <summary>
    /// Notes a process the drill started in the file named by <c>PASSERELLE_DRILL_PIDS</c>, when set, so the script
    /// that ran the drill can stop it should the drill itself be interrupted.
    /// </summary>
    public static void WriteDown(Process process)
    {
        if (Environment.GetEnvironmentVariable("PASSERELLE_DRILL_PIDS") is { Length: > 0 } file)
        {
            File.AppendAllText(file, $"{process.Id}\n");
        }
    }

    public static async Task<ProcessRun> RunAsync(
        string program, IEnumerable<string> args, IReadOnlyDictionary<string, string?>? environment = null,
        string? input = null, string? asUser = null)
    {
        var start = asUser is null
            ? new ProcessStartInfo(program, args)
            : new ProcessStartInfo("runuser", ["-u", asUser, "--", program, .. args]);
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        if (input is not null)
        {
            await process.StandardInput.WriteLineAsync(input);
        }

        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new ProcessRun(process.ExitCode, await output, await error);
    }

    public static async Task<ProcessRun> RunCheckedAsync(
        string program, IEnumerable<string> args, string? asUser = null)
    {
        var run = await RunAsync(program, args, asUser: asUser);
        return run.ExitCode == 0
            ? run
            : throw new InvalidOperationException($"{program} failed ({run.ExitCode}): {run.Output} {run.Error}");
    }
}

/// <summary>The machine cannot run this drill (no PostgreSQL, not root): not a finding about Passerelle.</summary>
internal sealed class DrillCannotRunException(string message) : Exception(message);
