namespace Passerelle.Core.TravelDocuments;

public enum DocumentStatus
{
    Stolen,
    Lost,
    Revoked,
    Invalid,
    StolenBlank,

    /// <summary>The document was found: the record stays for the trail, and leaves screening.</summary>
    Recovered,
}
