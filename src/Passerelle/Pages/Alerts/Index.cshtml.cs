using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Passerelle.Core.Alerts;
using Passerelle.Core.Common;
using Passerelle.Core.Products;
using Passerelle.Core.Trust.Access;

namespace Passerelle.Pages.Alerts;

/// <summary>
/// A rights holder raises alerts about suspect shipments for the agencies or countries it picks, and closes them.
/// Served at <c>/Brand/Alerts</c>, where it has always been.
/// </summary>
public sealed class IndexModel(SaveAlert save, CloseAlert close, ListAlerts list, ListOwnProducts products)
    : PasserellePage
{
    protected internal override bool MayOpen(Actor actor) => AccessRules.MayManageOwnProducts(actor);

    private static readonly char[] Separators = [',', ';', ' ', '\n', '\r', '\t'];

    [BindProperty] public string? Title { get; set; }
    [BindProperty] public List<Guid> Products { get; set; } = [];
    [BindProperty] public string? Route { get; set; }
    [BindProperty] public string TransportMode { get; set; } = "sea";
    [BindProperty] public string? Containers { get; set; }
    [BindProperty] public string? Consignor { get; set; }
    [BindProperty] public string? Consignee { get; set; }
    [BindProperty] public string? PeriodFrom { get; set; }
    [BindProperty] public string? PeriodTo { get; set; }
    [BindProperty] public string Confidence { get; set; } = "medium";
    [BindProperty] public string? TargetAgencies { get; set; }
    [BindProperty] public string? TargetCountries { get; set; }
    [BindProperty] public string? ExpiresOn { get; set; }

    public IReadOnlyList<AlertView> Mine { get; private set; } = [];

    public IReadOnlyList<ProductView> Sheets { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var dates = new Dictionary<string, DateOnly?>(StringComparer.Ordinal);
        var validation = new Validation();
        foreach (var (field, text) in new[] { ("periodFrom", PeriodFrom), ("periodTo", PeriodTo), ("expiresOn", ExpiresOn) })
        {
            var parsed = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date);
            validation.Require(string.IsNullOrWhiteSpace(text) || parsed, field, AlertErrors.Date, "A date is written yyyy-mm-dd.");
            dates[field] = parsed ? date : null;
        }

        if (validation.ToError() is { } invalid)
        {
            return await RefuseAsync(invalid, () => LoadAsync(ct));
        }

        return await ActAsync(
            save.HandleAsync(Actor, null, new AlertRequest(
                Title?.Trim(), Products, Blank(Route), TransportMode, List(Containers), Blank(Consignor),
                Blank(Consignee), dates["periodFrom"], dates["periodTo"], Confidence, List(TargetAgencies),
                List(TargetCountries), dates["expiresOn"]), ct),
            _ => Telling(RedirectToPage(), "Alert raised; officers of the countries and agencies named see it now."),
            () => LoadAsync(ct));
    }

    public Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken ct) => ActAsync(
        close.HandleAsync(Actor, id, ct),
        _ => Telling(RedirectToPage(), "Alert closed."),
        () => LoadAsync(ct));

    private async Task LoadAsync(CancellationToken ct)
    {
        var mine = await list.HandleAsync(Actor, null, ct);
        if (await LoadOrShowAsync(products.HandleAsync(Actor, ct)) is { } sheets)
        {
            Sheets = sheets;
            Mine = mine.Value ?? [];
        }
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static List<string> List(string? text) => [.. (text ?? "").Split(Separators, StringSplitOptions.RemoveEmptyEntries)];
}
