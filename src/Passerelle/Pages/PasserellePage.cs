using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Passerelle.Core.Common;
using Passerelle.Core.Trust.Access;
using Passerelle.Errors;
using Passerelle.Security;

namespace Passerelle.Pages;

/// <summary>What every page shares: the actor, and expected failures shown beside their fields.</summary>
public abstract class PasserellePage : PageModel
{
    private readonly Dictionary<string, List<string>> fieldErrors = new(StringComparer.Ordinal);

    public List<string> Errors { get; } = [];

    public bool Denied { get; protected set; }

    internal Actor Actor => HttpContext.Actor();

    /// <summary>
    /// The rule in <see cref="AccessRules"/> that lets the actor open this page at all, asked before any handler runs
    /// (see <see cref="PageAccessFilter"/>). Rules about one record are asked by the Core handler the page calls.
    /// </summary>
    protected internal abstract bool MayOpen(Actor actor);

    public IReadOnlyList<string> ErrorsFor(string field) => fieldErrors.TryGetValue(field, out var list) ? list : [];

    /// <summary>The id of the field's error text, for <c>aria-describedby</c>, or null when there is none.</summary>
    public string? DescribedBy(string field) => fieldErrors.ContainsKey(field) ? $"{field}-error" : null;

    /// <summary>Core speaks English; a message the UI knows in the person's language is shown in it.</summary>
    private string Translate(string message) =>
        HttpContext.RequestServices.GetService<Localization.UiText>() is { } text ? text.Message(message) : message;

    /// <summary>
    /// What an action did, said once in the layout's status region on the page after the redirect: TempData crosses
    /// the redirect in an encrypted cookie that is read once, so a reload says nothing again.
    /// </summary>
    protected internal void Tell(string english, params object[] values)
    {
        var text = HttpContext.RequestServices.GetRequiredService<Localization.UiText>();
        TempData["Status"] = text.Format(english, values);
    }

    /// <summary>Leads to <paramref name="next"/>, which says what was done (see <see cref="Tell"/>).</summary>
    protected internal IActionResult Telling(IActionResult next, string english, params object[] values)
    {
        Tell(english, values);
        return next;
    }

    /// <summary>
    /// Runs what a person asked for. Done, it answers with <paramref name="done"/>: a redirect, so a reload repeats
    /// nothing (post, redirect, get), usually <see cref="Telling"/> what was done. Refused, see
    /// <see cref="RefuseAsync"/>.
    /// </summary>
    protected internal async Task<IActionResult> ActAsync<T>(
        Task<Result<T>> action, Func<T, IActionResult> done, Func<Task> reload)
    {
        var result = await action;
        return result.Succeeded ? done(result.Value) : await RefuseAsync(result.Error, reload);
    }

    /// <summary>
    /// Runs an action whose answer is shown on this page itself rather than after a redirect (a secret shown once, a
    /// verdict): <paramref name="shown"/> keeps it, or the failure is shown; then what the page shows is reloaded.
    /// </summary>
    protected internal async Task<IActionResult> ActInPlaceAsync<T>(
        Task<Result<T>> action, Action<T> shown, Func<Task> reload)
    {
        var result = await action;
        if (result.Succeeded)
        {
            shown(result.Value);
        }
        else
        {
            Show(result.Error);
        }

        await reload();
        return Page();
    }

    /// <summary>
    /// An action refused: the failure is shown beside its fields with its status (see <see cref="Show"/>), what the
    /// page shows is reloaded, and the page is shown again with what the person typed.
    /// </summary>
    protected internal async Task<IActionResult> RefuseAsync(Error error, Func<Task> reload)
    {
        Show(error);
        await reload();
        return Page();
    }

    /// <summary>What a query answers, or null once its failure is shown.</summary>
    protected internal async Task<T?> LoadOrShowAsync<T>(Task<Result<T>> query)
        where T : class
    {
        var result = await query;
        if (!result.Succeeded)
        {
            Show(result.Error);
            return null;
        }

        return result.Value;
    }

    /// <summary>
    /// Shows an expected failure beside its fields, answered with the status the API would give it (400 for bad
    /// input, 403, 404, 409...), so a form sent back with errors is never a 200. The first failure sets the status.
    /// </summary>
    internal void Show(Error error)
    {
        Denied |= error.Kind == ErrorKind.Forbidden;
        if (Errors.Count == 0 || error.Kind == ErrorKind.Forbidden)
        {
            HttpContext.Response.StatusCode = Problems.StatusOf(error.Kind);
        }

        if (error.Fields is { Count: > 0 })
        {
            foreach (var (field, messages) in error.Fields)
            {
                if (!fieldErrors.TryGetValue(field, out var list))
                {
                    fieldErrors[field] = list = [];
                }

                list.AddRange(messages.Select(Translate));
            }
        }

        // The summary names every field at fault, as the fields themselves do, not only the first.
        var told = error.Fields is { Count: > 0 } ? error.Fields.Values.SelectMany(m => m) : [error.Message];
        foreach (var message in told.Select(Translate).Where(m => !Errors.Contains(m, StringComparer.Ordinal)))
        {
            Errors.Add(message);
        }
    }
}
