using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.StaticFiles;

namespace Passerelle.Hosting;

/// <summary>
/// The files under wwwroot, with a cache lifetime that suits their URL. A page names its styles and scripts with
/// <c>asp-append-version</c>, whose <c>?v=</c> is a hash of the file's content: that URL always means those bytes,
/// so a browser may keep them a year without asking again. Any other URL (the favicon, a stale or made-up
/// <c>?v=</c>) may change with the next release, so it is kept for minutes only.
/// </summary>
internal static class StaticAssets
{
    public const string Versioned = "public, max-age=31536000, immutable";

    public const string Unversioned = "public, max-age=300";

    public static IApplicationBuilder UsePasserelleStaticFiles(this IApplicationBuilder app) =>
        app.UseStaticFiles(new StaticFileOptions { OnPrepareResponse = SetCacheLifetime });

    private static void SetCacheLifetime(StaticFileResponseContext context)
    {
        var http = context.Context;
        var asked = http.Request.Query["v"].ToString();
        var current = http.RequestServices.GetRequiredService<IFileVersionProvider>()
            .AddFileVersionToPath(http.Request.PathBase, http.Request.Path.Value!);
        var versioned = asked.Length > 0 && current.EndsWith($"?v={asked}", StringComparison.Ordinal);
        http.Response.Headers.CacheControl = versioned ? Versioned : Unversioned;
    }
}
