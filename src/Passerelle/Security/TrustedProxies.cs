using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Passerelle.Hosting;

namespace Passerelle.Security;

/// <summary>
/// X-Forwarded-For and X-Forwarded-Proto are believed only from the proxies named in
/// <c>ForwardedHeaders:KnownProxies</c> (addresses) and <c>ForwardedHeaders:KnownNetworks</c> (CIDR ranges). Anyone
/// else could claim any client address, which rate limits and the audit trail rely on, or claim HTTPS.
/// </summary>
internal static class TrustedProxies
{
    public static IServiceCollection AddPasserelleTrustedProxies(
        this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = Parse<IPAddress>(configuration, "ForwardedHeaders:KnownProxies", IPAddress.TryParse);
        var networks = Parse<System.Net.IPNetwork>(
            configuration, "ForwardedHeaders:KnownNetworks", System.Net.IPNetwork.TryParse);
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            // Empty lists would make the middleware believe every sender, so with no proxy named nothing is believed.
            o.ForwardedHeaders = proxies.Count + networks.Count == 0
                ? ForwardedHeaders.None
                : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The framework trusts loopback by default; only what the operator names is trusted here.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            proxies.ForEach(o.KnownProxies.Add);
            networks.ForEach(o.KnownIPNetworks.Add);
        });
        return services;
    }

    private delegate bool TryParse<T>(string text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out T? value);

    private static List<T> Parse<T>(IConfiguration configuration, string key, TryParse<T> parse)
    {
        var parsed = new List<T>();
        foreach (var text in configuration.GetSection(key).Get<string[]>() ?? [])
        {
            if (!parse(text.Trim(), out var value) || value is null)
            {
                throw new StartupRefusedException($"{key} holds '{text}', which is not a valid entry.");
            }

            parsed.Add(value);
        }

        return parsed;
    }
}
