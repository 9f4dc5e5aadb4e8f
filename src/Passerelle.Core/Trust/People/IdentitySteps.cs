using Microsoft.AspNetCore.Identity;

namespace Passerelle.Core.Trust.People;

/// <summary>
/// An Identity step that can only fail by a bug (the request was checked before it): a failure is an exception, so the
/// surrounding transaction rolls back and the one exception handler answers.
/// </summary>
internal static class IdentitySteps
{
    public static async Task MustSucceed(this Task<IdentityResult> step)
    {
        var result = await step;
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Code)));
        }
    }
}
