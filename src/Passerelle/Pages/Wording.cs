using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace Passerelle.Pages;

/// <summary>
/// Free text for a table cell, such as a place or an audit detail: each word (text between spaces) in its own
/// inline block, so that lines break between words first. Browsers also break after hyphens, and in a narrow
/// column "Roissy-Charles-de-Gaulle" or "secondary-inspection" would otherwise be cut in two; a word longer than a
/// whole line still wraps inside its block rather than overflowing the cell.
/// </summary>
public static class Wording
{
    public static IHtmlContent Words(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return HtmlString.Empty;
        }

        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => $"<span class=\"word\">{HtmlEncoder.Default.Encode(w)}</span>");
        return new HtmlString(string.Join(" ", words));
    }
}
