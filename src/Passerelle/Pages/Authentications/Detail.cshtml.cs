using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Passerelle.Core.Access;
using Passerelle.Core.Common;
using Passerelle.Core.Products;

namespace Passerelle.Pages.Authentications;

/// <summary>One authentication request: the rights holder replies, both sides talk, the detaining agency adds photos and records the outcome.</summary>
[RequestSizeLimit(Core.Pictures.AcceptPicture.MaxBytes + (64 * 1024))]
public sealed class DetailModel(Detentions detentions, DetentionSteps steps, DetentionPhotos photos) : PasserellePage
{
    protected internal override bool MayOpen(Actor actor) => AccessRules.MayFollowDetentions(actor);

    public AuthenticationView? Detention { get; private set; }

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

    /// <summary>The rights holder asked; the other side is the detaining agency.</summary>
    public bool IsRightsHolder => Detention is { } r && Actor.AgencyCode == r.RightsHolder && Actor.IsInRole(Core.Access.Roles.RightsHolder);

    public async Task OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct);

    public Task<IActionResult> OnPostReplyAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, () => steps.ReplyAsync(Actor, id, Verdict, Reasons, ct), "Reply sent to the detaining agency.",
            ct);

    public Task<IActionResult> OnPostMessageAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, () => steps.PostMessageAsync(Actor, id, Text, ct), "Message sent.", ct);

    public Task<IActionResult> OnPostOutcomeAsync(Guid id, CancellationToken ct)
    {
        int? quantity = int.TryParse(Quantity, NumberStyles.None, CultureInfo.InvariantCulture, out var q) ? q : null;
        // A decimal comma or point, never a thousands separator: "19200,50" in French is not 1,920,050.
        decimal? value = decimal.TryParse(EstimatedValue?.Trim().Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v) ? v : null;
        if ((!string.IsNullOrWhiteSpace(Quantity) && quantity is null) || (!string.IsNullOrWhiteSpace(EstimatedValue) && value is null))
        {
            return ActAsync(id, () => Task.FromResult<Result<AuthenticationView>>(
                Error.Invalid("authentication.number", "Quantity and value are plain numbers, such as 240 or 19200.50 (no thousands separators).", string.IsNullOrWhiteSpace(Quantity) || quantity is not null ? "estimatedValue" : "quantity")),
                "", ct);
        }

        return ActAsync(
            id, () => steps.RecordOutcomeAsync(Actor, id, Outcome, quantity, value, ct), "Outcome recorded.", ct);
    }

    public async Task<IActionResult> OnPostPhotoAsync(Guid id, IFormFile? photo, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        if (photo is not null)
        {
            await photo.CopyToAsync(buffer, ct);
        }

        return await ActAsync(id, () => photos.AddAsync(Actor, id, buffer.ToArray(), ct), "Photo added.", ct);
    }

    private async Task<IActionResult> ActAsync(
        Guid id, Func<Task<Result<AuthenticationView>>> act, string done, CancellationToken ct)
    {
        var result = await act();
        if (result.Succeeded)
        {
            Tell(done);
            return RedirectToPage(new { id });
        }

        Show(result.Error!);
        await LoadAsync(id, ct);
        return Page();
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        var result = await detentions.GetAsync(Actor, id, ct);
        if (result.Succeeded)
        {
            Detention = result.Value;
        }
        else
        {
            Show(result.Error!);
        }
    }
}
