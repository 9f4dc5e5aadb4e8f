using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Passerelle.Core.Alerts;
using Passerelle.Core.Authentications;
using Passerelle.Core.Hits;
using Passerelle.Core.Products;
using Passerelle.Core.TravelDocuments;
using Passerelle.Core.Trust.Access;
using Passerelle.Core.Trust.Agencies;
using Passerelle.Core.Trust.Audit;
using Passerelle.Localization;

namespace Passerelle.IntegrationTests.Localization;

/// <summary>
/// French all the way: every stored value a page shows and every sentence Core writes for a person has a French
/// entry in the resource files, read from Core's own lists, so a value or a sentence added without French fails here.
/// </summary>
public sealed partial class FrenchEntriesTests
{
    /// <summary>Each set of stored values, as Core names them on the wire and in the database.</summary>
    private static IEnumerable<(string Set, string Value)> StoredValues()
    {
        static IEnumerable<string> Names<T>()
            where T : struct, Enum =>
            Enum.GetValues<T>().Select(v => Kebab().Replace(v.ToString(), "-$1").ToLowerInvariant());
        var decided = Names<HitStatus>().Where(s => s != "open").ToList();

        var sets = new Dictionary<string, IEnumerable<string>>
        {
            ["document-type"] = DocumentNames.TypeNames,
            ["document-status"] = Enum.GetValues<DocumentStatus>().Select(s => s.Name()),
            ["agency-kind"] = AgencyKinds.Names,
            ["role"] = Roles.All,
            ["hit-status"] = Names<HitStatus>(),
            ["hit-event"] = decided.Concat(
                ["opened", "screened-again", "notified", "webhook-delivered", "webhook-failed"]),
            ["match"] = Names<MatchKind>(),
            ["screening-result"] = Names<MatchKind>().Concat(["clear", "invalid"]),
            ["feature-kind"] = Names<FeatureKind>(),
            ["verdict"] = Names<Verdict>(),
            ["outcome"] = Names<AuthenticationOutcome>(),
            ["alert-status"] = Names<AlertStatus>(),
            ["confidence"] = Alert.Confidences,
            ["transport-mode"] = Alert.TransportModes,
            ["audit-outcome"] = typeof(Outcomes).GetFields(BindingFlags.Public | BindingFlags.Static)
                .Select(f => (string)f.GetValue(null)!),
            ["operation"] = Enum.GetValues<AuditEvent>().Select(e => e.Operation()),
            ["purpose"] = Pages.TravelDocuments.ScreenModel.Purposes,
            ["notification"] = decided.Select(s => $"hit.{s}")
                .Concat(["hit.opened", "authentication.requested", "authentication.replied", "authentication.message",
                    "authentication.photo", "authentication.outcome", "authentication.outcome-corrected"]),
            ["revision"] = ["created", "changed", "updated", "recovered", "deleted"],
        };
        return sets.SelectMany(set => set.Value.Select(value => (set.Key, value)));
    }

    [Fact]
    public void Every_stored_value_a_page_shows_has_a_French_entry()
    {
        var missing = StoredValues().Where(v => !UiText.HasFrenchValue(v.Set, v.Value))
            .Select(v => $"{v.Set}.{v.Value}").ToList();

        Assert.True(missing.Count == 0, "No French for: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_sentence_Core_writes_for_a_person_has_a_French_entry()
    {
        var sentences = CoreSentences.Read().ToList();
        var missing = sentences.Where(s => !UiText.HasFrenchMessage(s.Template))
            .Select(s => $"{s.File}: {s.Template}").ToList();

        Assert.InRange(sentences.Count, 150, 1000);
        Assert.True(missing.Count == 0, "No French for:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void A_sentence_is_translated_with_the_values_Core_put_in_it()
    {
        var text = new UiText();
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fr");

            Assert.Equal("La quantité va de 1 aux 240 retenus.",
                text.Message("The quantity is 1 to the 240 detained."));
            Assert.Equal("Ligne 3 : L'État émetteur «\u00a0ZZZ\u00a0» n'est pas un code de l'OACI (Doc 9303).",
                text.Message("Line 3: The issuing state 'ZZZ' is not an ICAO Doc 9303 code."));
            Assert.Equal("An unknown sentence stays as written.",
                text.Message("An unknown sentence stays as written."));
            Assert.Equal(("saisie", "not-a-status"),
                (text.Value("outcome", "seized"), text.Value("document-status", "not-a-status")));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public void A_sentence_carrying_crafted_input_is_translated_without_failing_or_stalling()
    {
        var text = new UiText();
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fr");
            // Input shaped like the templates' own words, so a backtracking pattern would try every split of it.
            var crafted = string.Concat(Enumerable.Repeat("Line 1, position 2: '", 25));
            var sentence = $"'{crafted}' is not an ICAO Doc 9303 country code.";
            var long_ = $"'{crafted}{crafted}{crafted}' is not an ICAO Doc 9303 country code.";

            var french = text.Message(sentence);
            Assert.StartsWith("«\u00a0", french, StringComparison.Ordinal);
            Assert.EndsWith("» n'est pas un code pays de l'OACI (Doc 9303).", french, StringComparison.Ordinal);
            Assert.Equal(long_, text.Message(long_));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public void In_English_values_and_sentences_show_as_Core_wrote_them()
    {
        var text = new UiText();
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");

            var sentence = "The quantity is 1 to the 240 detained.";
            Assert.Equal(
                ("stolen-blank", sentence), (text.Value("document-status", "stolen-blank"), text.Message(sentence)));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [GeneratedRegex("(?<!^)([A-Z])")]
    private static partial Regex Kebab();
}
