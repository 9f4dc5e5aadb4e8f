using Microsoft.AspNetCore.Mvc;
using Passerelle.Core.Access;
using Passerelle.Core.Tokens;

namespace Passerelle.Pages.Tokens;

public sealed class IndexModel(ListTokens list, CreateToken create, RevokeToken revoke) : PasserellePage
{
    protected internal override bool MayOpen(Actor actor) => AccessRules.MayUseTokens(actor);

    public IReadOnlyList<TokenSummary> Tokens { get; private set; } = [];

    [BindProperty(Name = "user")]
    public string? UserLogin { get; set; }

    [BindProperty(Name = "scopes")]
    public List<string> Scopes { get; set; } = [];

    [BindProperty(Name = "expiresInDays")]
    public int? ExpiresInDays { get; set; }

    [BindProperty(Name = "name")]
    public string? Name { get; set; }

    [BindProperty(Name = "id")]
    public Guid Id { get; set; }

    /// <summary>The secret of a token just created; rendered once, in this response only.</summary>
    public CreatedToken? Created { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        var result = await create.HandleAsync(Actor, new CreateTokenRequest(UserLogin, Scopes, ExpiresInDays, Name), ct);
        if (result.Succeeded)
        {
            Created = result.Value;
            Response.Headers.CacheControl = "no-store";
        }
        else
        {
            Show(result.Error!);
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(CancellationToken ct)
    {
        var result = await revoke.HandleAsync(Actor, Id, ct);
        if (result.Succeeded)
        {
            Tell("Token revoked; it is refused from its next use.");
            return RedirectToPage();
        }

        Show(result.Error!);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var result = await list.HandleAsync(Actor, ct);
        if (result.Succeeded)
        {
            Tokens = result.Value!;
        }
        else
        {
            Show(result.Error!);
        }
    }
}
