using System.Globalization;
using System.Text;

namespace Passerelle.Core.Products;

/// <summary>The form a sheet's brand and name are searched in: accents dropped, upper case.</summary>
public static class ProductSearch
{
    public static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var kept = decomposed.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark);
        return new string([.. kept]).ToUpperInvariant();
    }
}
