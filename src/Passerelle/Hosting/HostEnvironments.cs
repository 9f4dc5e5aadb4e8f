namespace Passerelle.Hosting;

/// <summary>The environments of a developer's machine and of Passerelle's own tests, never of a real server.</summary>
internal static class HostEnvironments
{
    /// <summary>The environment the integration tests' in-process server runs in.</summary>
    public const string Testing = "Testing";

    public static bool IsLocal(IHostEnvironment environment) =>
        environment.IsDevelopment() || environment.IsEnvironment(Testing);
}
