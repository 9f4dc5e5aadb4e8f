namespace Passerelle.Core.TravelDocuments;

public enum MatchKind : byte
{
    Hit,
    Possible,
}
