using System.CommandLine;
using Passerelle.Hosting;

namespace Passerelle.Cli;

internal static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string?>("--urls") { Description = "Where to listen, such as http://127.0.0.1:8080 (default http://localhost:5000)." };
        var demo = new Option<bool>("--demo") { Description = "Seed a demo world into an empty database, and print its logins." };
        var serve = new Command("serve", "Run the web server: API, UI and health checks.") { urls, demo };
        serve.SetAction(async (parse, ct) =>
        {
            var args = new List<string> { $"--contentRoot={AppContext.BaseDirectory}" };
            if (parse.GetValue(urls) is { Length: > 0 } listen)
            {
                args.Add($"--urls={listen}");
            }

            if (parse.GetValue(demo))
            {
                args.Add("--Demo:Seed=true");
            }

            args.AddRange(parse.UnmatchedTokens);
            return await RunAsync([.. args]);
        });
        serve.TreatUnmatchedTokensAsErrors = false;
        return serve;
    }

    /// <summary>Runs the server until it is stopped; a refusal to start is a message and exit 1, not a stack trace.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        try
        {
            await WebApp.Build(args).RunAsync();
            return ExitCodes.Success;
        }
        catch (StartupRefusedException refused)
        {
            return CliOutput.Fail(refused.Message);
        }
        catch (Microsoft.Extensions.Options.OptionsValidationException invalid)
        {
            return CliOutput.Fail($"invalid configuration: {string.Join(" ", invalid.Failures)}", ExitCodes.BadInput);
        }
    }
}
