using System.CommandLine;

namespace Passerelle.Cli;

internal static class CliApp
{
    public static RootCommand Root() => new(
        "Passerelle: the customs–police cooperation hub. One binary: the web server and the command line.")
    {
        ServeCommand.Create(),
        DbCommands.Create(),
        AgenciesCommands.Create(),
        UsersCommands.Create(),
        TokensCommands.Create(),
        AuditCommands.Create(),
        MrzCommands.Create(),
        DocumentsCommands.Create(),
        CheckCommands.Create(),
    };

    /// <summary>Parses and runs a verb. Bad usage prints what is wrong and the verb's help, and exits 2.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var parse = Root().Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await Console.Error.WriteLineAsync($"error: {error.Message}");
            }

            await Console.Error.WriteLineAsync($"See '{CommandPath(parse.CommandResult)} --help'.");
            return ExitCodes.BadInput;
        }

        // The server stops on SIGTERM by itself, within Shutdown:TimeoutSeconds, draining what it began; the
        // parser's own handler would end the process two seconds after the signal, in the middle of that.
        var invocation = new InvocationConfiguration();
        if (parse.CommandResult.Command.Name == "serve")
        {
            invocation.ProcessTerminationTimeout = null;
        }

        return await parse.InvokeAsync(invocation);
    }

    private static string CommandPath(System.CommandLine.Parsing.CommandResult result)
    {
        var names = new List<string>();
        for (System.CommandLine.Parsing.SymbolResult? at = result; at is not null; at = at.Parent)
        {
            if (at is System.CommandLine.Parsing.CommandResult command)
            {
                names.Insert(0, command.Parent is null ? "passerelle" : command.Command.Name);
            }
        }

        return string.Join(' ', names);
    }
}
