using Microsoft.AspNetCore.Mvc;
using Passerelle.Core.Common;
using Passerelle.Core.Pictures;
using Passerelle.Core.Trust.Access;

namespace Passerelle.Pages.Pictures;

/// <summary>
/// A picture for the signed-in UI, under the same rule as the API's: the bytes only to whoever may see what it
/// belongs to.
/// </summary>
public sealed class ShowModel(ShowPicture show) : PasserellePage
{
    protected internal override bool MayOpen(Actor actor) => AccessRules.MayFollowAuthentications(actor);

    public async Task<IActionResult> OnGetAsync(Guid id, bool thumbnail, CancellationToken ct)
    {
        var result = await show.HandleAsync(Actor, id, thumbnail, ct);
        if (!result.Succeeded)
        {
            return StatusCode(result.Error.Kind == ErrorKind.Forbidden
                ? StatusCodes.Status403Forbidden
                : StatusCodes.Status404NotFound);
        }

        Response.Headers.CacheControl = "private, max-age=3600";
        return File(result.Value.Content, result.Value.Picture.ContentType);
    }
}
