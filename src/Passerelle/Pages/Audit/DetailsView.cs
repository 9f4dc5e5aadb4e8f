using System.Text.Json;

namespace Passerelle.Pages.Audit;

/// <summary>
/// An entry's details, stored as one JSON object, shown as name and value pairs: one long run of JSON cannot wrap
/// in a table cell without breaking inside its words, while pairs wrap between themselves.
/// </summary>
public static class DetailsView
{
    public static IReadOnlyList<(string Name, IReadOnlyList<string> Values)> Pairs(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return [("", [json])];
            }

            return [.. document.RootElement.EnumerateObject().Select(p => (p.Name, Values(p.Value)))];
        }
        catch (JsonException)
        {
            return [("", [json])];
        }
    }

    /// <summary>A target's kind and id (<c>document:0195…</c>), between which a line may break.</summary>
    public static (string Kind, string Id) Target(string target)
    {
        var colon = target.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && colon < target.Length - 1 ? (target[..(colon + 1)], target[(colon + 1)..]) : ("", target);
    }

    private static IReadOnlyList<string> Values(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => [value.GetString()!],
        JsonValueKind.Null => ["—"],
        JsonValueKind.Array => [.. value.EnumerateArray().SelectMany(Values)],
        _ => [value.GetRawText()],
    };
}
