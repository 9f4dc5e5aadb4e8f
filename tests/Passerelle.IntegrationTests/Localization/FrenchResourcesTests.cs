using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Passerelle.Localization;

namespace Passerelle.IntegrationTests.Localization;

/// <summary>
/// The French resource files as the application reads them: compiled into its French satellite assembly, whole,
/// each entry keeping the values its English key carries.
/// </summary>
public sealed partial class FrenchResourcesTests
{
    [Fact]
    public void Every_entry_written_in_a_resource_file_reaches_the_application_as_written()
    {
        var folder = Path.Combine(CoreSentences.Root(), "src", "Passerelle", "Localization", "Resources");
        var written = Directory.EnumerateFiles(folder, "*.resx").Select(Path.GetFileName).Order().ToList();

        Assert.Equal(FrenchText.All.SelectMany(t => t.Files).Select(f => $"{f}.fr.resx").Order(), written);
        foreach (var text in FrenchText.All)
        {
            var source = text.Files
                .SelectMany(f => XDocument.Load(Path.Combine(folder, $"{f}.fr.resx")).Root!.Elements("data"))
                .Select(d => (Name: (string)d.Attribute("name")!, Value: (string)d.Element("value")!)).ToList();
            var lost = source.Where(e => text.Find(e.Name) != e.Value).Select(e => e.Name).ToList();

            Assert.True(lost.Count == 0, $"{string.Join(", ", text.Files)} lost or changed: {string.Join(", ", lost)}");
            Assert.Equal(source.Count, text.Entries.Count);
        }
    }

    [Fact]
    public void Every_French_entry_carries_the_placeholders_of_its_English_key()
    {
        var differing = FrenchText.All.SelectMany(t => t.Entries)
            .Where(e => !Placeholders(e.Key).SequenceEqual(Placeholders(e.Value)))
            .Select(e => $"{e.Key} => {e.Value}").ToList();

        Assert.True(differing.Count == 0, "Placeholders differ in:\n" + string.Join("\n", differing));
    }

    [Fact]
    public void When_two_templates_fit_a_sentence_the_one_with_more_words_of_its_own_translates_it()
    {
        var text = new UiText();
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fr");

            Assert.Equal("Aucune personne n'a l'identifiant «\u00a0bob\u00a0».",
                text.Message("No user has login 'bob'."));
            Assert.Equal("Aucune personne n'a l'identifiant bob.", text.Message("No user has login bob."));
            Assert.Equal("La ligne 1 doit nommer les colonnes ; «\u00a0mrz\u00a0» manque. Colonnes : mrz,status.",
                text.Message("Line 1 must name the columns; 'mrz' is missing. Columns: mrz,status."));
            Assert.Equal("Ligne 4 : La quantité est d'au moins 1.",
                text.Message("Line 4: The quantity is 1 or more."));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public void Page_text_that_differs_only_in_case_keeps_its_own_French()
    {
        var text = new UiText();
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fr");

            Assert.Equal(("RAS", "Lever"), (text["CLEAR"], text["Clear"]));
            Assert.Equal(("Restreint", "restreints"), (text["Restricted"], text["restricted"]));
            Assert.Equal(("En retard", "en retard"), (text["Overdue"], text["overdue"]));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    /// <summary>The distinct placeholders, format included ({1:yyyy-MM-dd}), sorted; "{{" is a brace.</summary>
    private static IEnumerable<string> Placeholders(string text) =>
        Placeholder().Matches(text.Replace("{{", "", StringComparison.Ordinal)).Select(m => m.Value)
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);

    [GeneratedRegex(@"\{\d+(?:,-?\d+)?(?::[^{}]*)?}")]
    private static partial Regex Placeholder();
}
