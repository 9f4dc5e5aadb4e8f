using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Net;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Passerelle.Errors;

namespace Passerelle.Security;

/// <summary><c>RateLimits:*</c>: requests a minute for each token, each person, and each address otherwise.</summary>
internal sealed class RateLimitSettings
{
    [Range(1, 1_000_000)]
    public int PerTokenPerMinute { get; set; } = 6000;

    [Range(1, 1_000_000)]
    public int PerUserPerMinute { get; set; } = 600;

    [Range(1, 1_000_000)]
    public int PerAddressPerMinute { get; set; } = 300;
}

internal static class RateLimits
{
    public static IServiceCollection AddPasserelleRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitSettings>()
            .BindConfiguration("RateLimits")
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitSettings>>((options, settings) =>
        {
            // The key holds the claim's own string and the window's size, so a request allocates no key and no
            // factory: the partitioned limiter's lookup is on every request's path.
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, RateKey>(http =>
                RateLimitPartition.GetFixedWindowLimiter(
                    Partition(http.User, http.Connection.RemoteIpAddress, settings.Value), static key => new()
                    {
                        PermitLimit = key.Permits,
                        Window = TimeSpan.FromMinutes(1),
                        QueueLimit = 0,
                    }));
            options.OnRejected = async (context, ct) =>
            {
                var retry = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after)
                    ? after
                    : TimeSpan.FromMinutes(1);
                var seconds = Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds));
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await Problems.WriteAsync(context.HttpContext, HttpErrors.RateLimited,
                    $"Too many requests. Try again in {seconds} s.");
            };
        });
        return services;
    }

    private static RateKey Partition(ClaimsPrincipal user, IPAddress? address, RateLimitSettings settings)
    {
        if (user.FindFirstValue(PasserelleClaims.TokenId) is { } token)
        {
            return new RateKey(RateKind.Token, token, null, settings.PerTokenPerMinute);
        }

        return user.FindFirstValue(ClaimTypes.NameIdentifier) is { } id
            ? new RateKey(RateKind.User, id, null, settings.PerUserPerMinute)
            : new RateKey(RateKind.Address, null, address, settings.PerAddressPerMinute);
    }

    /// <summary>Whose requests share one window: a token's, a person's (by id) or an address's.</summary>
    internal readonly record struct RateKey(RateKind Kind, string? Id, IPAddress? Address, int Permits);

    internal enum RateKind
    {
        Token,
        User,
        Address,
    }
}
