namespace Passerelle.Core.Common;

/// <summary>
/// Text every store takes: PostgreSQL keeps no NUL in text, and its strict UTF-8 encoding refuses half of a surrogate
/// pair. Either, reaching a batch of audit entries or imported rows, fails the whole batch, other people's rows
/// included; so input that carries them is refused at the edge, and what is written to the audit trail is made
/// storable first.
/// </summary>
public static class StoredText
{
    private const char Replacement = '\uFFFD';

    public static bool IsStorable(string? text)
    {
        if (text is null)
        {
            return true;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0' || char.IsLowSurrogate(c))
            {
                return false;
            }

            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return false;
                }

                i++;
            }
        }

        return true;
    }

    /// <summary>The text with each NUL and each lone surrogate replaced by U+FFFD; the same string when none.</summary>
    public static string? Storable(string? text)
    {
        if (IsStorable(text))
        {
            return text;
        }

        var chars = text!.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
            {
                i++;
            }
            else if (chars[i] == '\0' || char.IsSurrogate(chars[i]))
            {
                chars[i] = Replacement;
            }
        }

        return new string(chars);
    }

    /// <summary>At most <paramref name="length"/> characters, never cutting a surrogate pair in two.</summary>
    public static string? Clip(string? text, int length) =>
        text is null || text.Length <= length ? text
        : text[..(char.IsHighSurrogate(text[length - 1]) ? length - 1 : length)];
}
