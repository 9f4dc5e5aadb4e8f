namespace Passerelle.Core.Products;

public enum FeatureKind
{
    Overt,
    Covert,
    Forensic,
}
