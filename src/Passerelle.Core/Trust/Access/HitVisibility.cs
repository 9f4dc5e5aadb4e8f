namespace Passerelle.Core.Trust.Access;

/// <summary>Which hit cases a listing shows, as a filter a query can apply in the database.</summary>
/// <param name="Screened">The cases the actor opened or screened again.</param>
/// <param name="OwnerAgency">Every case on the actor's agency's records.</param>
/// <param name="QueryingAgency">Every case the actor's agency's people opened.</param>
public sealed record HitVisibility(bool Screened, bool OwnerAgency, bool QueryingAgency)
{
    public static readonly HitVisibility None = new(false, false, false);
}
