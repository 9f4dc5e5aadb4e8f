using Passerelle.Core.Products;

namespace Passerelle.Pages.Authentications;

/// <summary>Authentication requests: for a rights holder, those it must answer; for an officer, those they sent.</summary>
public sealed class IndexModel(Detentions detentions) : PasserellePage
{
    public IReadOnlyList<AuthenticationView> Requests { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var result = await detentions.ListAsync(Actor, ct);
        if (result.Succeeded)
        {
            Requests = result.Value!;
        }
        else
        {
            Show(result.Error!);
        }
    }
}
