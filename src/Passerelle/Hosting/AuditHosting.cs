using Passerelle.Core.Trust.Audit;

namespace Passerelle.Hosting;

internal static class AuditHosting
{
    /// <summary>Checkpoints of the chain, and the counts of junk bearer tokens written to it.</summary>
    public static IServiceCollection AddAuditHosting(this IServiceCollection services, IHostEnvironment environment)
    {
        services.AllowCheckpointKeyCreation(environment);
        services.AddHostedService<AuditCheckpointer>();
        services.AddHostedService<TokenRefusalCloser>();
        return services;
    }

    /// <summary>
    /// Outside Development and Testing the checkpoint key is the operator's to make and guard: a key made on the fly
    /// in production would sit wherever the data does, and protect nothing.
    /// </summary>
    public static IServiceCollection AllowCheckpointKeyCreation(
        this IServiceCollection services, IHostEnvironment environment) =>
        services.PostConfigure<AuditSettings>(s =>
            s.CreateKeyIfMissing |= environment.IsDevelopment() || environment.IsEnvironment("Testing"));
}
