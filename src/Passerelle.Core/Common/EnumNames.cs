namespace Passerelle.Core.Common;

/// <summary>
/// Reads an enum from its name only. <see cref="Enum.TryParse{TEnum}(string?, bool, out TEnum)"/> also takes numbers,
/// even ones no member has ("7" for an outcome), which would then be stored and fail when read back.
/// </summary>
public static class EnumNames
{
    public static bool TryParse<T>(string? text, out T value)
        where T : struct, Enum
    {
        value = default;
        return text is { Length: > 0 }
            && char.IsLetter(text[0])
            && Enum.TryParse(text, ignoreCase: true, out value)
            && Enum.IsDefined(value);
    }
}
