using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Passerelle.Core.Authentications;
using Passerelle.Core.Trust.Access;
using Passerelle.Errors;

namespace Passerelle.Pages.Authentications;

/// <summary>
/// One authentication request: the rights holder replies, both sides talk, the detaining agency adds photos and,
/// once there is a verdict, records the outcome, which its author may correct for a day.
/// </summary>
[RequestSizeLimit(UploadLimits.OnePicture)]
public sealed class DetailModel(
    GetAuthentication get, GetAuthenticationActions actions, ReplyToAuthentication reply,
    PostAuthenticationMessage post, RecordAuthenticationOutcome record, AddAuthenticationPhoto addPhoto)
    : PasserellePage
{
    protected internal override bool MayOpen(Actor actor) => AccessRules.MayFollowAuthentications(actor);

    public AuthenticationView? Authentication { get; private set; }

    /// <summary>What the reader may do here now; the forms shown are these and no others.</summary>
    public AuthenticationActions? Actions { get; private set; }

    [BindProperty(Name = "verdict")]
    public string? Verdict { get; set; }

    [BindProperty(Name = "reasons")]
    public string? Reasons { get; set; }

    [BindProperty(Name = "text")]
    public string? Text { get; set; }

    [BindProperty(Name = "outcome")]
    public string? Outcome { get; set; }

    [BindProperty(Name = "quantity")]
    public string? Quantity { get; set; }

    [BindProperty(Name = "estimatedValue")]
    public string? EstimatedValue { get; set; }

    [BindProperty(Name = "currency")]
    public string? Currency { get; set; }

    public async Task OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct);

    public Task<IActionResult> OnPostReplyAsync(Guid id, CancellationToken ct) =>
        ActAsync(reply.HandleAsync(Actor, id, Verdict, Reasons, ct), Done(id, "Your reply was sent."), Reload(id, ct));

    public Task<IActionResult> OnPostMessageAsync(Guid id, CancellationToken ct) =>
        ActAsync(post.HandleAsync(Actor, id, Text, ct), Done(id, "Your message was sent."), Reload(id, ct));

    public Task<IActionResult> OnPostOutcomeAsync(Guid id, CancellationToken ct)
    {
        int? quantity = int.TryParse(Quantity, NumberStyles.None, CultureInfo.InvariantCulture, out var q) ? q : null;
        // A decimal comma or point, never a thousands separator: "19200,50" in French is not 1,920,050.
        decimal? value = decimal.TryParse(EstimatedValue?.Trim().Replace(',', '.'), NumberStyles.AllowDecimalPoint,
            CultureInfo.InvariantCulture, out var v) ? v : null;
        if ((!string.IsNullOrWhiteSpace(Quantity) && quantity is null)
            || (!string.IsNullOrWhiteSpace(EstimatedValue) && value is null))
        {
            var field = string.IsNullOrWhiteSpace(Quantity) || quantity is not null ? "estimatedValue" : "quantity";
            return RefuseAsync(AuthenticationErrors.Number.With(
                "Quantity and value are plain numbers, such as 240 or 19200.50 (no thousands separators).", field),
                Reload(id, ct));
        }

        var correcting = Request.Form.ContainsKey("correction");
        return ActAsync(record.HandleAsync(Actor, id, new RecordOutcome(Outcome, quantity, value, Currency), ct),
            Done(id, correcting ? "The outcome was corrected." : "The outcome was recorded."), Reload(id, ct));
    }

    public async Task<IActionResult> OnPostPhotoAsync(Guid id, IFormFile? photo, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        if (photo is not null)
        {
            await photo.CopyToAsync(buffer, ct);
        }

        return await ActAsync(
            addPhoto.HandleAsync(Actor, id, buffer.ToArray(), ct), Done(id, "The photo was added."), Reload(id, ct));
    }

    /// <summary>Back to this request, saying what was done.</summary>
    private Func<AuthenticationView, IActionResult> Done(Guid id, string done) =>
        _ => Telling(RedirectToPage(new { id }), done);

    private Func<Task> Reload(Guid id, CancellationToken ct) => () => LoadAsync(id, ct);

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        if (await LoadOrShowAsync(get.HandleAsync(Actor, id, ct)) is { } authentication)
        {
            Authentication = authentication;
            Actions = await actions.HandleAsync(Actor, id, ct);
        }
    }
}
