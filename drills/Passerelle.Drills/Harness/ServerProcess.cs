using System.Diagnostics;
using System.Globalization;

namespace Passerelle.Drills.Harness;

/// <summary>
/// <c>passerelle serve</c> as a process of its own on a free loopback port, its output in a log file: a drill kills
/// it with SIGKILL, stops it with SIGTERM, or reads its memory from /proc.
/// </summary>
internal sealed class ServerProcess : IDisposable
{
    private readonly Process process;
    private readonly StreamWriter log;
    private readonly Task pumps;
    private bool closed;

    private ServerProcess(Process process, Uri url, string logFile, StreamWriter log)
    {
        this.process = process;
        this.log = log;
        Url = url;
        LogFile = logFile;
        pumps = Task.WhenAll(Pump(process.StandardOutput), Pump(process.StandardError));
    }

    public Uri Url { get; }

    public string LogFile { get; }

    public int Id => process.Id;

    public bool Exited => process.HasExited;

    public static ServerProcess Start(
        string passerelle, IReadOnlyDictionary<string, string?> environment, string logFile)
    {
        var url = new Uri($"http://127.0.0.1:{ThrowawayPostgres.FreePort()}");
        var start = new ProcessStartInfo("dotnet", [passerelle, "serve", "--urls", url.ToString().TrimEnd('/')])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("passerelle serve did not start.");
        Processes.WriteDown(process);
        return new ServerProcess(process, url, logFile, new StreamWriter(logFile) { AutoFlush = true });
    }

    /// <summary>Polls <c>/health/ready</c> until it answers 200; fails if the process ends first.</summary>
    public async Task WaitUntilReadyAsync(TimeSpan bound)
    {
        using var client = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < bound)
        {
            if (process.HasExited)
            {
                await pumps;
                throw new InvalidOperationException(
                    $"passerelle serve ended ({process.ExitCode}) before it was ready:\n{Tail()}");
            }

            try
            {
                using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
                if (ready.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // A slow answer while it starts; ask again.
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException($"passerelle serve was not ready within {bound.TotalSeconds} s:\n{Tail()}");
    }

    /// <summary>SIGKILL: the process ends at once, with no chance to finish anything.</summary>
    public void Kill()
    {
        if (!process.HasExited)
        {
            process.Kill();
        }

        process.WaitForExit();
    }

    /// <summary>SIGTERM, as a service manager stops a node, then waits for the process to end.</summary>
    public async Task<int> StopAsync(TimeSpan bound)
    {
        if (!process.HasExited)
        {
            await Processes.RunAsync("kill", ["-TERM", Id.ToString(CultureInfo.InvariantCulture)]);
        }

        using var timeout = new CancellationTokenSource(bound);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
        }

        await pumps;
        return process.ExitCode;
    }

    /// <summary>The resident set size in bytes (VmRSS of /proc/PID/status), or null once the process is gone.</summary>
    public long? ResidentBytes()
    {
        try
        {
            var line = File.ReadLines($"/proc/{Id}/status")
                .FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? null
                : long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>
    /// The processor time the process has used, user and system, in seconds (fields 14 and 15 of /proc/PID/stat, in
    /// clock ticks of 1/100 s), or null once the process is gone.
    /// </summary>
    public double? ProcessorSeconds()
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{Id}/stat");
            // The command name, in parentheses, may hold spaces: count the fields after it.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            long Ticks(int field) => long.Parse(fields[field], CultureInfo.InvariantCulture);
            return (Ticks(11) + Ticks(12)) / 100.0;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>The last lines of the server's log, for a failure message.</summary>
    public string Tail(int lines = 40)
    {
        lock (log)
        {
            if (!closed)
            {
                log.Flush();
            }
        }

        try
        {
            using var shared = new FileStream(LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(shared);
            var all = reader.ReadToEnd().Split('\n');
            return string.Join('\n', all.TakeLast(lines));
        }
        catch (IOException)
        {
            return "(no log)";
        }
    }

    public void Dispose()
    {
        Kill();
        pumps.Wait(TimeSpan.FromSeconds(5));
        process.Dispose();
        lock (log)
        {
            closed = true;
            log.Dispose();
        }
    }

    private async Task Pump(StreamReader from)
    {
        while (await from.ReadLineAsync() is { } line)
        {
            lock (log)
            {
                if (!closed)
                {
                    log.WriteLine(line);
                }
            }
        }
    }
}
