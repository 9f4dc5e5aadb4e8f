using Microsoft.AspNetCore.Mvc;
using Passerelle.Core.Access;
using Passerelle.Core.TravelDocuments;

namespace Passerelle.Pages.Screen;

/// <summary>One input for an MRZ or a document number, a result banner, and the input ready for the next traveller.</summary>
public sealed class IndexModel(ScreenDocuments screen) : PasserellePage
{
    protected internal override bool MayOpen(Actor actor) => AccessRules.MayScreen(actor);

    public static readonly string[] Purposes = ["border-check", "secondary-inspection", "investigation", "customs-control"];

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

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var text = Query?.Trim() ?? "";
        var isMrz = text.Contains('<', StringComparison.Ordinal) || text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length > 1;
        var request = isMrz
            ? new ScreenRequest(Mrz: text, Purpose: Purpose, Location: Location)
            : new ScreenRequest(DocumentNumber: text, IssuingState: string.IsNullOrWhiteSpace(IssuingState) ? null : IssuingState, Purpose: Purpose, Location: Location);
        var result = await screen.ScreenAsync(Actor, request, ct);
        if (result.Succeeded)
        {
            Result = result.Value;
            Screened = isMrz && Result!.Mrz is { } mrz ? $"{mrz.DocumentNumber} ({mrz.IssuingState})" : text.ToUpperInvariant();
            Query = null;
        }
        else
        {
            Show(result.Error!);
        }

        return Page();
    }
}
