using Microsoft.AspNetCore.Mvc;
using Passerelle.Core.Trust.Access;
using Passerelle.Core.Trust.Tokens;
using Passerelle.Security;

namespace Passerelle.Pages.Tokens;

public sealed class IndexModel(ListTokens list, CreateToken create, RevokeToken revoke, TimeProvider time)
    : PasserellePage
{
    protected internal override bool MayOpen(Actor actor) => AccessRules.MayUseTokens(actor);

    public IReadOnlyList<TokenSummary> Tokens { get; private set; } = [];

    /// <summary>The scopes the form offers (<see cref="AccessRules.OfferedScopes"/>), by name.</summary>
    public IReadOnlyList<string> Offered => [.. AccessRules.OfferedScopes(Actor).Order(StringComparer.Ordinal)];

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

    /// <summary>The time the page was read, by which a token is expired or not.</summary>
    public DateTime Now { get; } = time.GetUtcNow().UtcDateTime;

    /// <summary>The secret of a token just created; rendered once, in this response only.</summary>
    public CreatedToken? Created { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public Task<IActionResult> OnPostCreateAsync(CancellationToken ct) => ActInPlaceAsync(
        create.HandleAsync(Actor, new CreateTokenRequest(UserLogin, Scopes, ExpiresInDays, Name), ct),
        token =>
        {
            Created = token;
            Response.Headers.CacheControl = SecurityHeaders.PageNoStore;
            // The form starts afresh, so the next token is not made from the last one's choices by mistake.
            (UserLogin, Scopes, ExpiresInDays, Name) = (null, [], null, null);
        },
        () => LoadAsync(ct));

    public Task<IActionResult> OnPostRevokeAsync(CancellationToken ct) => ActAsync(
        revoke.HandleAsync(Actor, Id, ct),
        _ => Telling(RedirectToPage(), "Token revoked; it is refused from its next use."),
        () => LoadAsync(ct));

    private async Task LoadAsync(CancellationToken ct) =>
        Tokens = await LoadOrShowAsync(list.HandleAsync(Actor, ct)) ?? [];
}
