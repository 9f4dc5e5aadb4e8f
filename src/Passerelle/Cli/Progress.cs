using Spectre.Console;

namespace Passerelle.Cli;

/// <summary>
/// A progress bar on standard error, so standard output stays the command's data. It shows the rate and the time
/// left, measured on the bytes read when the total is known.
/// </summary>
internal static class Progress
{
    private static readonly IAnsiConsole Console =
        AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(System.Console.Error) });

    public static async Task<T> RunAsync<T>(
        string description, long total, Func<IProgress<long>, IProgress<int>, Task<T>> work)
    {
        var started = TimeProvider.System.GetTimestamp();
        var rows = 0;
        var result = default(T)!;
        await Console.Progress()
            .AutoClear(false)
            .Columns(
                new TaskDescriptionColumn(),
                new ProgressBarColumn(),
                new PercentageColumn(),
                new TransferSpeedColumn(),
                new RemainingTimeColumn(),
                new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(description, maxValue: Math.Max(1, total));
                var bytes = new Progress<long>(value => task.Value = Math.Min(value, task.MaxValue));
                var rowCount = new Progress<int>(value =>
                {
                    rows = value;
                    var seconds = Math.Max(0.001, TimeProvider.System.GetElapsedTime(started).TotalSeconds);
                    task.Description = $"{description}: {value:N0} rows, {value / seconds:N0} rows/s";
                });
                result = await work(bytes, rowCount);
                task.Value = task.MaxValue;
            });
        return result;
    }
}

/// <summary>Counts the bytes read from a stream, for the progress bar.</summary>
internal sealed class CountingStream(Stream inner, IProgress<long> progress) : Stream
{
    private long position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => inner.Length;

    public override long Position { get => position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override async ValueTask<int> ReadAsync(
        Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer, cancellationToken));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Count(int read)
    {
        position += read;
        progress.Report(position);
        return read;
    }
}
