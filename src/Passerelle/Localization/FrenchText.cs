using System.Collections;
using System.Collections.Frozen;
using System.Globalization;
using System.Resources;

namespace Passerelle.Localization;

/// <summary>
/// One kind of French text, from its resource files (<c>Resources/&lt;file&gt;.fr.resx</c>) read through a
/// <see cref="ResourceManager"/> from the satellite assembly <c>fr/passerelle.resources.dll</c>. English has no
/// file: the English is the key.
/// </summary>
internal sealed class FrenchText
{
    // A compiled resource file holds no two names that differ only in case ("Clear", "CLEAR"), so the second of such
    // twins is written in a file of its own.
    public static readonly FrenchText Pages = new("PageText", "PageTextCaseVariants");
    public static readonly FrenchText Messages = new("CoreMessages");
    public static readonly FrenchText Values = new("StoredValues");
    public static readonly FrenchText[] All = [Pages, Messages, Values];

    private readonly Lazy<FrozenDictionary<string, string>> entries;

    private FrenchText(params string[] files)
    {
        Files = files;
        entries = new(() => files.SelectMany(Load).ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>The resource files, by name without folder, culture or extension.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>Every entry, English key and French text, as compiled from the resource files.</summary>
    public IReadOnlyDictionary<string, string> Entries => entries.Value;

    public string? Find(string english) => entries.Value.GetValueOrDefault(english);

    private static IEnumerable<KeyValuePair<string, string>> Load(string file)
    {
        var type = typeof(FrenchText);
        var manager = new ResourceManager($"{type.Namespace}.Resources.{file}", type.Assembly);
        // No parents: there is no neutral file to fall back on, since a missing entry shows its English key. The set
        // is read once into a frozen dictionary, which is looked up without the lock a resource set takes.
        var set = manager.GetResourceSet(CultureInfo.GetCultureInfo("fr"), createIfNotExists: true, tryParents: false)
            ?? throw new MissingManifestResourceException(
                $"The French resources {file} are missing: fr/{type.Assembly.GetName().Name}.resources.dll was not "
                + "deployed beside the application.");
        return set.Cast<DictionaryEntry>().Select(e => KeyValuePair.Create((string)e.Key, (string)e.Value!));
    }
}
