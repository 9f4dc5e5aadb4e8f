using FsCheck;
using FsCheck.Fluent;

namespace Passerelle.UnitTests.Common;

/// <summary>
/// Text generators for the parsers' properties: any text at all, text over a format's own alphabet, and valid values
/// with a few mutations, since a parser's bugs sit near the inputs it accepts rather than in random noise.
/// </summary>
internal static class Texts
{
    /// <summary>
    /// Separators every parser here meets: MRZ fillers, path and query delimiters, GS, quotes, CR and LF.
    /// </summary>
    public const string Separators = "<>/?&=%#()[]]\u001d\"',;: \t\r\n";

    /// <summary>Any UTF-16 text, lone surrogates and control characters included.</summary>
    public static readonly Gen<string> Any =
        Gen.Choose(0, 0xFFFF).Select(c => (char)c).ArrayOf().Select(c => new string(c));

    public static Gen<string> Over(string alphabet) =>
        Gen.Elements(alphabet.ToCharArray()).ArrayOf().Select(c => new string(c));

    /// <summary>
    /// <paramref name="valid"/> with one to four edits, each drawing characters from <paramref name="alphabet"/>.
    /// </summary>
    public static Gen<string> Mutated(Gen<string> valid, string alphabet) =>
        from text in valid
        from edits in Gen.Choose(1, 4)
        from seeds in Gen.Choose(0, int.MaxValue).ArrayOf(edits * 3)
        select Edit(text, alphabet, seeds);

    /// <summary>Half valid-with-mutations, a third over the alphabet and the separators, the rest any text.</summary>
    public static Gen<string> NearValid(Gen<string> valid, string alphabet) =>
        Gen.Frequency(
            (2, valid),
            (4, Mutated(valid, alphabet + Separators)),
            (3, Over(alphabet + Separators)),
            (1, Any));

    private static string Edit(string text, string alphabet, int[] seeds)
    {
        var chars = new List<char>(text);
        for (var i = 0; i + 2 < seeds.Length; i += 3)
        {
            var at = chars.Count == 0 ? 0 : seeds[i + 1] % (chars.Count + 1);
            var c = alphabet[seeds[i + 2] % alphabet.Length];
            switch (seeds[i] % 6)
            {
                case 0 when at < chars.Count:
                    chars[at] = c;
                    break;
                case 1:
                    chars.Insert(at, c);
                    break;
                case 2 when at < chars.Count:
                    chars.RemoveAt(at);
                    break;
                case 3 when at < chars.Count:
                    // A slice repeated, as a reader that stutters gives it.
                    chars.InsertRange(at, chars.GetRange(at, Math.Min(chars.Count - at, 1 + (seeds[i + 2] % 12))));
                    break;
                case 4:
                    chars.RemoveRange(at, chars.Count - at);
                    break;
                default:
                    if (at < chars.Count)
                    {
                        var upper = char.IsUpper(chars[at]);
                        chars[at] = upper ? char.ToLowerInvariant(chars[at]) : char.ToUpperInvariant(chars[at]);
                    }

                    break;
            }
        }

        return new string([.. chars]);
    }
}
