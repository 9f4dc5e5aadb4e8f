using Microsoft.AspNetCore.Mvc;
using Passerelle.Core.Common;
using Passerelle.Core.Trust.Access;
using Passerelle.Core.Trust.Audit;
using Passerelle.Localization;

namespace Passerelle.Pages.Audit;

public sealed class IndexModel(SearchAuditTrail search, VerifyAuditTrail verify, UiText text) : PasserellePage
{
    protected internal override bool MayOpen(Actor actor) => AccessRules.MayReadAudit(actor);

    [BindProperty(Name = "from", SupportsGet = true)]
    public DateTime? From { get; set; }

    [BindProperty(Name = "to", SupportsGet = true)]
    public DateTime? To { get; set; }

    [BindProperty(Name = "login", SupportsGet = true)]
    public string? Login { get; set; }

    [BindProperty(Name = "agency", SupportsGet = true)]
    public string? Agency { get; set; }

    [BindProperty(Name = "operation", SupportsGet = true)]
    public string? Operation { get; set; }

    [BindProperty(Name = "target", SupportsGet = true)]
    public string? Target { get; set; }

    [BindProperty(Name = "before", SupportsGet = true)]
    public long? Before { get; set; }

    // "page" is the route value naming the Razor Page itself, so the number goes by "p".
    [BindProperty(Name = "p", SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    [BindProperty(Name = "size", SupportsGet = true)]
    public int Size { get; set; } = 50;

    public IReadOnlyList<AuditView> Entries => Listed?.Items ?? [];

    public Page<AuditView>? Listed { get; private set; }

    /// <summary>
    /// The entry the pages are read under: given, or else the newest one on the first page, so that the next pages
    /// do not shift as entries are written (this reading's own among them).
    /// </summary>
    public long? Through => Before ?? (PageNumber == 1 && Entries.Count > 0 ? Entries[0].Sequence + 1 : null);

    /// <summary>This page's address for page <paramref name="number"/> of <paramref name="size"/> entries.</summary>
    public string Link(int number, int size) => Url.Page("", new
    {
        from = Stamp(From),
        to = Stamp(To),
        login = Login,
        agency = Agency,
        operation = Operation,
        target = Target,
        before = Through,
        p = number,
        size,
    })!;

    public string? Verdict { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!FilterIsReadable())
        {
            return;
        }

        await LoadAsync(ct);
    }

    public static string? Stamp(DateTime? t) =>
        t?.ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture);

    public async Task<IActionResult> OnGetExportAsync(string format, CancellationToken ct)
    {
        if (!FilterIsReadable())
        {
            return Page();
        }

        format = AuditExport.IsKnown(format) ? format : "jsonl";
        var result = await search.ExportAsync(Actor, Filter(), format, ct);
        if (!result.Succeeded)
        {
            Show(result.Error);
            return Page();
        }

        Response.ContentType = AuditExport.ContentType(format);
        Response.Headers.ContentDisposition = $"attachment; filename=passerelle-audit.{format}";
        await using var writer = new StreamWriter(Response.Body);
        await AuditExport.WriteAsync(result.Value, format, writer, ct);
        return new EmptyResult();
    }

    public Task<IActionResult> OnPostVerifyAsync(CancellationToken ct) => ActInPlaceAsync(
        verify.HandleAsync(Actor, ct),
        v => Verdict = v.Intact
            ? text.Format("The chain is intact: {0} entries checked.", v.Checked)
            : text.Format("The chain is broken at entry {0}: {1}", v.FirstBroken!, v.Reason!),
        () => LoadAsync(ct));

    /// <summary>
    /// A time that cannot be read is said beside its field, and nothing is listed or exported: entries read without
    /// the filter the auditor asked for would pass for the filtered ones.
    /// </summary>
    private bool FilterIsReadable()
    {
        foreach (var field in new[] { "from", "to" })
        {
            if (ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0)
            {
                Show(AuditErrors.Time.With(text["A time is written yyyy-mm-ddThh:mm, in UTC."], field));
            }
        }

        return Errors.Count == 0;
    }

    /// <summary>Times on this page are UTC, as every time in the trail is.</summary>
    private AuditFilter Filter() => new(Utc(From), Utc(To), Login, Agency, Operation, Target, Before);

    private static DateTime? Utc(DateTime? value) => value is { } v ? DateTime.SpecifyKind(v, DateTimeKind.Utc) : null;

    private async Task LoadAsync(CancellationToken ct)
    {
        if (Denied)
        {
            return;
        }

        Listed = await LoadOrShowAsync(search.PageAsync(Actor, Filter(), PageNumber, Size, ct));
    }
}
