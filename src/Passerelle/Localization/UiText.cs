using System.Globalization;

namespace Passerelle.Localization;

/// <summary>
/// The UI's words in English and French. English is the key, and the French is in the resource files under
/// <c>Resources/</c>, one per kind of text; a missing French entry shows the English, never a blank.
/// </summary>
public sealed partial class UiText
{
    /// <summary>Page text in the reader's language.</summary>
    public string this[string english] => IsFrench ? FrenchText.Pages.Find(english) ?? english : english;

    public string Format(string english, params object[] values) =>
        string.Format(CultureInfo.CurrentCulture, this[english], values);

    /// <summary>
    /// A stored value (a document's status, a verdict, an audit operation) in the reader's language. The stored
    /// value is data, the same in every language and on the wire, and is never translated where it is kept; its
    /// French entry is <c>set.value</c>, such as <c>document-status.stolen</c>. English, or a value with no entry,
    /// shows it as stored.
    /// </summary>
    /// <param name="set">Which kind of value it is, since one word may name two things (a hit, a hit's status).</param>
    public string Value(string set, string? value) =>
        value is null ? ""
        : IsFrench ? FrenchText.Values.Find($"{set}.{value}") ?? value
        : value;

    /// <summary>Whether <paramref name="value"/> of <paramref name="set"/> has a French entry.</summary>
    internal static bool HasFrenchValue(string set, string value) =>
        FrenchText.Values.Find($"{set}.{value}") is not null;

    private static bool IsFrench => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "fr";
}
