using System.Diagnostics;
using System.Reflection;

namespace Passerelle.IntegrationTests.Support;

/// <summary>
/// A C# client that Kiota (the repository's local tool) generates from an OpenAPI document, built with a small probe
/// of the test's own into a throwaway library and loaded here, so the probe can call the app through it. The build
/// restores from NuGet's local cache only, which this test project's own restore filled with the Kiota packages it
/// references, at the versions pinned in Directory.Packages.props.
/// </summary>
public sealed class GeneratedClient : IDisposable
{
    private static readonly string[] Packages =
    [
        "Microsoft.Kiota.Abstractions", "Microsoft.Kiota.Http.HttpClientLibrary", "Microsoft.Kiota.Serialization.Form",
        "Microsoft.Kiota.Serialization.Json", "Microsoft.Kiota.Serialization.Multipart",
        "Microsoft.Kiota.Serialization.Text",
    ];

    private readonly string folder;
    private readonly Assembly assembly;

    private GeneratedClient(string folder, Assembly assembly)
    {
        this.folder = folder;
        this.assembly = assembly;
    }

    /// <summary>Generates the client into namespace <c>Passerelle.Client</c> and builds it with the probe.</summary>
    public static async Task<GeneratedClient> BuildAsync(string openApiDocument, string probe)
    {
        var folder = Directory.CreateTempSubdirectory("passerelle-kiota-").FullName;
        try
        {
            var description = Path.Combine(folder, "openapi.json");
            await File.WriteAllTextAsync(description, openApiDocument);
            await RunAsync(RepositoryRoot(), "tool", "run", "kiota", "generate", "--language", "CSharp",
                "--openapi", description, "--output", Path.Combine(folder, "Client"), "--class-name",
                "PasserelleClient", "--namespace-name", "Passerelle.Client", "--exclude-backward-compatible",
                "--log-level", "Warning");
            await File.WriteAllTextAsync(Path.Combine(folder, "Probe.cs"), probe);
            var project = Path.Combine(folder, "Passerelle.Client.csproj");
            await File.WriteAllTextAsync(project, Project());
            await RunAsync(folder, "build", project, "-c", "Release", "-nologo", "-v", "q", "--disable-build-servers");
            var built = Path.Combine(folder, "bin", "Release", "net10.0", "Passerelle.Client.dll");
            return new GeneratedClient(folder, Assembly.LoadFrom(built));
        }
        catch
        {
            Directory.Delete(folder, recursive: true);
            throw;
        }
    }

    /// <summary>Calls a static method of the probe, class <c>Passerelle.Client.Probe</c>.</summary>
    public Task<string[]> CallAsync(string method, params object[] arguments) =>
        (Task<string[]>)assembly.GetType("Passerelle.Client.Probe", throwOnError: true)!
            .GetMethod(method)!.Invoke(null, arguments)!;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static string Project()
    {
        var references = string.Join("\n", Packages.Select(name =>
            $"""    <PackageReference Include="{name}" Version="{VersionOf(name)}" />"""));
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        return $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <RestoreSources>{cache}</RestoreSources>
                <NuGetAudit>false</NuGetAudit>
              </PropertyGroup>
              <ItemGroup>
            {references}
              </ItemGroup>
            </Project>
            """;
    }

    /// <summary>The version this test project restored, so the client builds against the very same.</summary>
    private static string VersionOf(string package)
    {
        var informational = Assembly.Load(new AssemblyName(package))
            .GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
        return informational.Split('+')[0];
    }

    private static async Task RunAsync(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", arguments)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // The test host's own MSBuild settings would steer the nested build; Kiota checks for updates and reports
        // telemetry unless told not to.
        var msbuild = start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase));
        foreach (var key in msbuild.ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["KIOTA_UPDATE__DISABLED"] = "true";
        start.Environment["KIOTA_CLI_TELEMETRY_OPTOUT"] = "true";
        start.Environment["KIOTA_TUTORIAL_ENABLED"] = "false";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        // Generation and the build take seconds; one that hangs is stopped rather than holding the suite.
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"dotnet {string.Join(' ', arguments)} did not finish within 5 minutes.");
        }

        Assert.True(process.ExitCode == 0,
            $"dotnet {string.Join(' ', arguments)} exited {process.ExitCode}:\n{await output}\n{await error}");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Passerelle.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (Passerelle.slnx) is not above the test's folder.");
    }
}
