using System.Text;
using System.Text.RegularExpressions;

namespace Passerelle.IntegrationTests.Localization;

/// <summary>
/// The sentences Core writes for a person, read from its source: the string arguments of the calls that make an
/// expected failure (a catalogue's code told <c>With</c> a message among them), an MRZ warning or a check result,
/// with each interpolated value as {0}, {1}… and literals joined by + read as one. Backups and audit checkpoints
/// speak only to the operator at the console, so they are left out.
/// </summary>
internal static partial class CoreSentences
{
    private static readonly string[] Skipped = ["bin/", "obj/", "Backup/", "Trust/Audit/AuditCheckpoint"];

    public static IEnumerable<(string File, string Template)> Read()
    {
        var core = Path.Combine(Root(), "src", "Passerelle.Core");
        foreach (var file in Directory.EnumerateFiles(core, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(core, file).Replace('\\', '/');
            if (Skipped.Any(prefix => relative.StartsWith(prefix, StringComparison.Ordinal)))
            {
                continue;
            }

            var source = File.ReadAllText(file);
            foreach (Match call in Calls().Matches(source))
            {
                foreach (var literal in Literals(source, call.Index + call.Length))
                {
                    if (literal.Any(char.IsLetter) && literal.Contains(' ', StringComparison.Ordinal))
                    {
                        yield return (relative, literal);
                    }
                }
            }
        }
    }

    internal static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Passerelle.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (Passerelle.slnx) is not above the test's folder.");
    }

    /// <summary>The string literals among a call's arguments, from just after its '(' to its ')'.</summary>
    private static List<string> Literals(string s, int i)
    {
        var found = new List<string>();
        var depth = 1;
        var lastEnd = -1;
        while (i < s.Length && depth > 0)
        {
            var c = s[i];
            if (c is '"' or '$' or '@')
            {
                var start = i;
                var (interpolated, verbatim) = (false, false);
                while (s[i] is '$' or '@')
                {
                    interpolated |= s[i] == '$';
                    verbatim |= s[i] == '@';
                    i++;
                }

                if (s[i] != '"')
                {
                    continue;
                }

                var (text, end) = ReadLiteral(s, i + 1, interpolated, verbatim);
                var joined = lastEnd >= 0 && found.Count > 0 && s[lastEnd..start].Trim() == "+";
                if (joined)
                {
                    var offset = Placeholder().Count(found[^1]);
                    found[^1] += Placeholder().Replace(text, m => $"{{{Index(m) + offset}}}");
                }
                else
                {
                    found.Add(text);
                }

                lastEnd = i = end;
                continue;
            }

            if (c == '\'')
            {
                i += s[i + 1] == '\\' ? 4 : 3;
                continue;
            }

            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            i++;
        }

        return found;
    }

    /// <summary>
    /// Reads a literal whose opening quote is just before <paramref name="i"/>; returns it and the index after its
    /// closing quote.
    /// </summary>
    private static (string Text, int End) ReadLiteral(string s, int i, bool interpolated, bool verbatim)
    {
        var text = new StringBuilder();
        var holes = 0;
        while (true)
        {
            var c = s[i];
            if (interpolated && (c is '{' or '}') && s[i + 1] == c)
            {
                text.Append(c);
                i += 2;
            }
            else if (interpolated && c == '{')
            {
                i = SkipHole(s, i + 1);
                text.Append('{').Append(holes++).Append('}');
            }
            else if (!verbatim && c == '\\')
            {
                text.Append(s[i + 1] switch { 'n' => '\n', 't' => '\t', var other => other });
                i += 2;
            }
            else if (c == '"')
            {
                return (text.ToString(), i + 1);
            }
            else
            {
                text.Append(c);
                i++;
            }
        }
    }

    /// <summary>Skips an interpolation hole, strings inside it included; returns the index after its '}'.</summary>
    private static int SkipHole(string s, int i)
    {
        for (var depth = 1; ; i++)
        {
            if (s[i] == '"')
            {
                for (i++; s[i] != '"'; i += s[i] == '\\' ? 2 : 1)
                {
                }
            }
            else if (s[i] == '{')
            {
                depth++;
            }
            else if (s[i] == '}' && --depth == 0)
            {
                return i + 1;
            }
        }
    }

    [GeneratedRegex(
        @"(Error\.(?:Invalid|NotFound|Conflict|Forbidden)|new Error|Errors\.\w+\.With|\.Require|\bWarn|DenyAsync"
        + @"|CheckResult\.No)\(")]
    private static partial Regex Calls();

    private static int Index(Match placeholder) =>
        int.Parse(placeholder.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\{(\d+)\}")]
    private static partial Regex Placeholder();
}
