using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
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
        services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            {
                var settings = http.RequestServices.GetRequiredService<IOptions<RateLimitSettings>>().Value;
                var (key, permits) = Partition(http.User, http.Connection.RemoteIpAddress?.ToString(), settings);
                return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = permits,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            });
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

    private static (string Key, int Permits) Partition(
        ClaimsPrincipal user, string? address, RateLimitSettings settings)
    {
        if (user.FindFirstValue(PasserelleClaims.TokenId) is { } token)
        {
            return ($"token:{token}", settings.PerTokenPerMinute);
        }

        return user.FindFirstValue(ClaimTypes.NameIdentifier) is { } id
            ? ($"user:{id}", settings.PerUserPerMinute)
            : ($"address:{address}", settings.PerAddressPerMinute);
    }
}
