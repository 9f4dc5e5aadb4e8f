using System.CommandLine;
using Passerelle.Core.Trust.Access;

namespace Passerelle.Cli;

internal static class CliCommand
{
    /// <summary>
    /// Runs a verb against the configured database, as the console operator. Exceptions are bugs or an unreachable
    /// database: they are reported in one line, without a stack trace, and exit 1.
    /// </summary>
    public static void Run(
        this Command command,
        Func<ParseResult, IServiceProvider, Actor, CancellationToken, Task<int>> action,
        bool prepare = true) =>
        command.SetAction(async (parse, ct) =>
        {
            try
            {
                var host = CliHost.Build();
                await using var disposeHost = (IAsyncDisposable)host;
                await using var scope = host.Services.CreateAsyncScope();
                if (prepare && await CliHost.PrepareAsync(scope.ServiceProvider, ct) is { } problem)
                {
                    return CliOutput.Fail(problem);
                }

                return await action(parse, scope.ServiceProvider, Actor.Console(), ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return CliOutput.Fail($"{ex.GetType().Name}: {ex.Message}");
            }
        });
}
