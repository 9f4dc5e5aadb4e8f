using System.Globalization;
using System.Text.RegularExpressions;

namespace Passerelle.Localization;

/// <summary>
/// Sentences Core and the standards write in English (expected failures, MRZ warnings, check results) in the
/// reader's language. Core fills values into its sentences, so an entry is a template: the English with {0}, {1}…
/// where Core put a value, and the French with the same placeholders, in whatever order French needs. A value that
/// is itself such a sentence ("Line 3: …") is translated too.
/// </summary>
public sealed partial class UiText
{
    /// <summary>The sentence in the reader's language; one with no entry is shown as Core wrote it.</summary>
    public string Message(string english) => IsFrench ? Translate(english) : english;

    /// <summary>Whether the English template (with {0}, {1}… for values) has a French entry.</summary>
    internal static bool HasFrenchMessage(string template) =>
        FrenchText.Messages.Find(template) is not null || FrenchText.Pages.Find(template) is not null;

    /// <summary>Core's sentences are short; a longer one carries someone's input and stays as written.</summary>
    private const int LongestSentence = 600;

    private static string Translate(string english, int depth = 0)
    {
        if ((FrenchText.Pages.Find(english) ?? FrenchText.Messages.Find(english)) is { } whole)
        {
            return whole;
        }

        // A value is translated only when it is itself a whole sentence ("Line 3: …"), and only one level down: the
        // values are input, and input must not be able to make translation slow or fail.
        if (depth > 1 || english.Length > LongestSentence)
        {
            return english;
        }

        try
        {
            foreach (var (pattern, french) in Compiled.Templates)
            {
                var match = pattern.Match(english);
                if (match.Success)
                {
                    var values = match.Groups.Cast<Group>().Skip(1)
                        .Select(g => (object)Translate(g.Value, depth + 1)).ToArray();
                    return string.Format(CultureInfo.CurrentCulture, french, values);
                }
            }
        }
        catch (RegexMatchTimeoutException)
        {
            // Shown as Core wrote it, in English, rather than not at all.
        }

        return english;
    }

    /// <summary>The templates with values, as patterns, built once on first use.</summary>
    private static class Compiled
    {
        // A resource file keeps no order, so when two templates fit one sentence, the one with more words of its own
        // says more about it and wins: "No user has login '{0}'." before "No user has login {0}.", and "Line 1 must
        // name the columns; '{0}' is missing. Columns: {1}." before "Line {0}: {1}".
        public static readonly (Regex English, string French)[] Templates = [.. FrenchText.Messages.Entries
            .Where(m => m.Key.Contains("{0}", StringComparison.Ordinal))
            .OrderByDescending(m => Placeholder().Replace(m.Key, "").Length)
            .ThenBy(m => m.Key, StringComparer.Ordinal)
            .Select(m => (Pattern(m.Key), m.Value))];

        private static Regex Pattern(string template) => new(
            "^" + Regex.Replace(Regex.Escape(template), @"\\\{(\d+)}", "(.*?)") + "$",
            RegexOptions.CultureInvariant | RegexOptions.Singleline | RegexOptions.NonBacktracking,
            TimeSpan.FromMilliseconds(100));
    }

    [GeneratedRegex(@"\{\d+}")]
    private static partial Regex Placeholder();
}
