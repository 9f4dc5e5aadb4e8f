using Microsoft.AspNetCore.Mvc;
using Passerelle.Core.Pictures;
using Passerelle.Core.Products;
using Passerelle.Core.Trust.Access;
using Passerelle.Errors;

namespace Passerelle.Pages.Products;

/// <summary>One feature row of the form; a row without a description is left out.</summary>
public sealed class FeatureForm
{
    public string Kind { get; set; } = "overt";

    public string? Description { get; set; }

    public bool Restricted { get; set; }

    public string? Agencies { get; set; }

    public string? Countries { get; set; }
}

/// <summary>
/// A rights holder describes a genuine product: what it is, how to tell a fake, whom to call, and authentication
/// features shared with every verified agency or only those picked. Saving makes a new version; publishing shows it
/// to officers. Served at <c>/Brand/Product</c>.
/// </summary>
[RequestSizeLimit(UploadLimits.OnePicture)]
public sealed class ProductModel(
    GetProduct get, SaveProduct save, PublishProduct publish, ProductPictures pictures)
    : PasserellePage
{
    protected internal override bool MayOpen(Actor actor) => AccessRules.MayManageOwnProducts(actor);

    private static readonly char[] Separators = [',', ';', ' ', '\n', '\r', '\t'];

    [BindProperty] public string? Brand { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public string? Gtins { get; set; }
    [BindProperty] public string? HsCode { get; set; }
    [BindProperty] public string? Packaging { get; set; }
    [BindProperty] public string? ManufacturingCountries { get; set; }
    [BindProperty] public string? DistributionRoutes { get; set; }
    [BindProperty] public string? CounterfeitIndicators { get; set; }
    [BindProperty] public string? Contacts { get; set; }
    [BindProperty] public string? Hotline { get; set; }
    [BindProperty] public List<FeatureForm> Features { get; set; } = [];

    public ProductView? Sheet { get; private set; }

    public async Task OnGetAsync(Guid? id, CancellationToken ct)
    {
        if (id is { } existing && await LoadAsync(existing, ct) is { } sheet)
        {
            Brand = sheet.Brand;
            Name = sheet.Name;
            Description = sheet.Description;
            Gtins = string.Join('\n', sheet.Gtins);
            HsCode = sheet.HsCode;
            Packaging = sheet.Packaging;
            ManufacturingCountries = string.Join(' ', sheet.ManufacturingCountries);
            DistributionRoutes = sheet.DistributionRoutes;
            CounterfeitIndicators = sheet.CounterfeitIndicators;
            Contacts = sheet.Contacts;
            Hotline = sheet.Hotline;
            Features = [.. sheet.Features.Select(f => new FeatureForm
            {
                Kind = f.Kind,
                Description = f.Description,
                Restricted = f.Restricted,
                Agencies = string.Join(' ', f.AllowedAgencies ?? []),
                Countries = string.Join(' ', f.AllowedCountries ?? []),
            })];
        }

        Features.AddRange([new FeatureForm(), new FeatureForm()]);
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        var request = new SaveProductRequest(
            Brand?.Trim(),
            Name?.Trim(),
            Blank(Description),
            List(Gtins),
            Blank(HsCode),
            Blank(Packaging),
            List(ManufacturingCountries),
            Blank(DistributionRoutes),
            Blank(CounterfeitIndicators),
            Blank(Contacts),
            Blank(Hotline),
            [.. Features.Where(f => !string.IsNullOrWhiteSpace(f.Description))
                .Select(f => new FeatureRequest(
                    f.Kind, f.Description!.Trim(), f.Restricted, List(f.Agencies), List(f.Countries)))]);
        return await ActAsync(
            save.HandleAsync(Actor, id, request, ct),
            saved => Telling(RedirectToPage(new { id = saved.Id }), "Saved as version {0}.", saved.Version),
            () => ReloadFormAsync(id, ct));
    }

    public Task<IActionResult> OnPostPublishAsync(Guid id, CancellationToken ct) => ActAsync(
        publish.HandleAsync(Actor, id, ct),
        _ => Telling(RedirectToPage(new { id }), "Published to officers."),
        () => OnGetAsync(id, ct));

    public async Task<IActionResult> OnPostPictureAsync(
        Guid id, IFormFile? picture, bool counterfeit, string? caption, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        if (picture is not null)
        {
            await picture.CopyToAsync(buffer, ct);
        }

        return await ActAsync(
            pictures.AddAsync(Actor, id, buffer.ToArray(), ct, counterfeit, caption),
            _ => Telling(RedirectToPage(new { id }), "Picture added."),
            () => OnGetAsync(id, ct));
    }

    /// <summary>The form as the person typed it, beside the sheet as saved, with one more empty feature row.</summary>
    private async Task ReloadFormAsync(Guid? id, CancellationToken ct)
    {
        if (id is { } existing && !Denied)
        {
            await LoadAsync(existing, ct);
        }

        Features.Add(new FeatureForm());
    }

    private async Task<ProductView?> LoadAsync(Guid id, CancellationToken ct) =>
        Sheet = await LoadOrShowAsync(get.HandleAsync(Actor, id, ct));

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static List<string> List(string? text) =>
        [.. (text ?? "").Split(Separators, StringSplitOptions.RemoveEmptyEntries)];
}
