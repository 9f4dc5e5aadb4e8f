using System.CommandLine;
using Passerelle.Hosting;

namespace Passerelle.Cli;

internal static class ServeCommand
{
    /// <summary>Where a value of the wrong kind is found: its exceptions name the key.</summary>
    private const string ConfigurationBinder = "Microsoft.Extensions.Configuration.Binder";

    public static Command Create()
    {
        var urls = new Option<string?>("--urls")
        {
            Description = "Where to listen, such as http://127.0.0.1:8080 (default http://localhost:5000).",
        };
        var demo = new Option<bool>("--demo")
        {
            Description = "Seed a demo world into an empty database and print its logins; runs in Development "
                + "unless an environment is named.",
        };
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
                if (!EnvironmentChosen(parse.UnmatchedTokens))
                {
                    // A newcomer's first run needs no certificate and no HTTPS; an explicit Production still refuses.
                    args.Add("--environment=Development");
                }
            }

            args.AddRange(parse.UnmatchedTokens);
            return await RunAsync([.. args]);
        });
        serve.TreatUnmatchedTokensAsErrors = false;
        return serve;
    }

    /// <summary>Whether the operator named an environment, by variable or by option; the demo respects it.</summary>
    internal static bool EnvironmentChosen(IReadOnlyList<string> options) =>
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT"))
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT"))
        || options.Any(o => o.StartsWith("--environment", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Runs the server until it is stopped; a refusal to start is a message and exit 1, not a stack trace.
    /// </summary>
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
        catch (InvalidOperationException unreadable) when (unreadable.Source == ConfigurationBinder)
        {
            // A value of the wrong kind (Demo:Seed=maybe): the binder's message names the key.
            return CliOutput.Fail($"invalid configuration: {unreadable.Message}", ExitCodes.BadInput);
        }
    }
}
