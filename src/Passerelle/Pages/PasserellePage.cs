using Microsoft.AspNetCore.Mvc.RazorPages;
using Passerelle.Core.Access;
using Passerelle.Core.Common;
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

        Errors.Add(Translate(error.Message));
    }
}
