namespace Passerelle.Core.TravelDocuments;

public enum DocumentType
{
    Passport,
    IdentityCard,
    Visa,
    ResidencePermit,
    Other,
}
