using Microsoft.AspNetCore.Mvc;
using Passerelle.Core.TravelDocuments;
using Passerelle.Core.Trust.Access;
using Passerelle.Security;

namespace Passerelle.Pages.TravelDocuments;

/// <summary>
/// One input for an MRZ or a document number, a result banner, and the input ready for the next traveller. A
/// screening is posted, then redirected to a page that shows its answer (post, redirect, get), so a reload shows the
/// answer again without screening, or auditing, a second time.
/// </summary>
public sealed class ScreenModel(ScreenDocuments screen, TimeProvider time) : PasserellePage
{
    protected internal override bool MayOpen(Actor actor) => AccessRules.MayScreen(actor);

    public static readonly string[] Purposes =
        ["border-check", "secondary-inspection", "investigation", "customs-control"];

    [BindProperty(Name = "query")]
    public string? Query { get; set; }

    [BindProperty(Name = "issuingState")]
    public string? IssuingState { get; set; }

    [BindProperty(Name = "purpose")]
    public string Purpose { get; set; } = "border-check";

    [BindProperty(Name = "location")]
    public string? Location { get; set; }

    public ScreenResult? Result { get; private set; }

    /// <summary>What was screened, shown beside the result once the input is cleared for the next one.</summary>
    public string? Screened { get; private set; }

    public DateTime? ScreenedAt { get; private set; }

    /// <summary>A reload came too late, or from another person: the answer is gone, and says so.</summary>
    public bool Expired { get; private set; }

    public ScreeningBanner Banner => Result is null ? ScreeningBanner.Clear : ScreeningBanners.For(Result);

    public void OnGet(string? r)
    {
        var memory = ScreeningMemory.For(HttpContext);
        var user = Actor.UserId ?? Guid.Empty;
        if (memory.RecallContext(HttpContext, user) is { } context)
        {
            (Purpose, Location) = context;
        }

        if (r is null)
        {
            return;
        }

        // The answer holds personal data: no cache keeps it, and it leaves the browser with the session.
        Response.Headers.CacheControl = SecurityHeaders.PageNoStore;
        if (memory.RecallResult(HttpContext, user, r, time.GetUtcNow().UtcDateTime) is { } outcome)
        {
            (Result, Screened, ScreenedAt) = (outcome.Result, outcome.Screened, outcome.At);
        }
        else
        {
            Expired = true;
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var text = Query?.Trim() ?? "";
        var isMrz = text.Contains('<', StringComparison.Ordinal)
            || text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length > 1;
        var state = string.IsNullOrWhiteSpace(IssuingState) ? null : IssuingState;
        var request = isMrz
            ? new ScreenRequest(Mrz: text, Purpose: Purpose, Location: Location)
            : new ScreenRequest(DocumentNumber: text, IssuingState: state, Purpose: Purpose, Location: Location);
        var result = await screen.ScreenAsync(Actor, request, ct);
        var memory = ScreeningMemory.For(HttpContext);
        var user = Actor.UserId ?? Guid.Empty;
        if (!result.Succeeded)
        {
            Show(result.Error);
            return Page();
        }

        memory.RememberContext(HttpContext, user, Purpose, string.IsNullOrWhiteSpace(Location) ? null : Location);
        var answer = result.Value;
        var screened = isMrz && answer.Mrz is { } mrz
            ? $"{mrz.DocumentNumber} ({mrz.IssuingState})" : text.ToUpperInvariant();
        var outcome = new ScreenOutcome(answer, screened, time.GetUtcNow().UtcDateTime);
        var id = memory.RememberResult(HttpContext, user, outcome);
        return RedirectToPage(new { r = id });
    }
}
