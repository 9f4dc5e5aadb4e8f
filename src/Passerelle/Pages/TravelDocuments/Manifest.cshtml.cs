using Microsoft.AspNetCore.Mvc;
using Passerelle.Core.TravelDocuments;
using Passerelle.Core.Trust.Access;
using Passerelle.Errors;

namespace Passerelle.Pages.TravelDocuments;

/// <summary>A passenger manifest as a CSV file: checked by its content, screened in order, results in a table.</summary>
[RequestSizeLimit(MaxBytes + UploadLimits.MultipartAllowance)]
public sealed class ManifestModel(ScreenDocuments screen) : PasserellePage
{
    protected internal override bool MayOpen(Actor actor) => AccessRules.MayScreen(actor);

    public const long MaxBytes = 4 * 1024 * 1024;

    [BindProperty(Name = "purpose")]
    public string Purpose { get; set; } = "passenger-manifest";

    public IReadOnlyList<(int Line, ScreenItem Item, ScreenResult Result)> Results { get; private set; } = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? manifest, CancellationToken ct)
    {
        var items = await ReadAsync(manifest, ct);
        if (items is not null)
        {
            var result = await screen.ScreenBatchAsync(Actor, Purpose, null, [.. items.Select(i => i.Item)], ct);
            if (result.Succeeded)
            {
                Results = [.. items.Select((item, i) => (item.Line, item.Item, result.Value[i]))];
            }
            else
            {
                Show(result.Error);
            }
        }

        // The upload script asks for the results alone; a plain form post gets the whole page.
        return Request.Headers.XRequestedWith == "XMLHttpRequest" ? Partial("_ManifestResults", this) : Page();
    }

    /// <summary>The manifest's rows, or null with the reason shown: a CSV is text, whatever its name says.</summary>
    private async Task<List<(int Line, ScreenItem Item)>?> ReadAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0 || file.Length > MaxBytes)
        {
            Show(TravelDocumentErrors.ManifestFile.With("Choose a CSV file of at most 4 MB.", "manifest"));
            return null;
        }

        await using var stream = file.OpenReadStream();
        var head = new byte[Math.Min(4096, (int)file.Length)];
        await stream.ReadExactlyAsync(head, ct);
        if (head.Contains((byte)0) || !System.Text.Unicode.Utf8.IsValid(head.AsSpan(0, head.Length - Math.Min(3, head.Length))))
        {
            Show(TravelDocumentErrors.ManifestNotText.With("This file is not a CSV text file.", "manifest"));
            return null;
        }

        stream.Position = 0;
        using var reader = new StreamReader(stream);
        var manifest = await ManifestCsv.ReadAsync(reader, ct);
        if (!manifest.Succeeded)
        {
            Show(manifest.Error);
            return null;
        }

        return [.. manifest.Value];
    }
}
