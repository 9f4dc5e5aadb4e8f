namespace Passerelle;

internal static class WebHostLaunch
{
    private static readonly string[] CliOptions = ["--help", "-h", "-?", "/?", "--version"];

    public static bool IsHostSettingsOnly(string[] args) =>
        args.Length > 0
        && args.All(arg =>
            arg.StartsWith("--", StringComparison.Ordinal) && arg.Contains('=', StringComparison.Ordinal))
        && !args.Any(arg => CliOptions.Contains(arg, StringComparer.Ordinal));
}
