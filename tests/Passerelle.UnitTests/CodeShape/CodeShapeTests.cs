using System.Text.RegularExpressions;

namespace Passerelle.UnitTests.CodeShape;

/// <summary>
/// The shape the source keeps, checked on the files themselves so a change that breaks it fails here rather than in
/// review: small files, short lines, role tests only in AccessRules, error codes only from catalogues.
/// </summary>
public sealed partial class CodeShapeTests
{
    private static readonly string Root = FindRoot();

    private static readonly string Src = Path.Combine(Root, "src");

    [Fact]
    public void No_source_file_outside_migrations_is_over_200_lines()
    {
        var long_ = SourceFiles("*.cs")
            .Select(f => (File: f, Lines: File.ReadLines(f).Count()))
            .Where(f => f.Lines > 200)
            .Select(f => $"{Relative(f.File)}: {f.Lines} lines");

        Assert.Empty(long_);
    }

    [Fact]
    public void No_source_line_outside_migrations_is_over_120_characters()
    {
        var long_ = SourceFiles("*.cs").Concat(SourceFiles("*.cshtml"))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Number: i + 1, line.Length)))
            .Where(l => l.Length > 120)
            .Select(l => $"{Relative(l.File)}:{l.Number} ({l.Length})");

        Assert.Empty(long_);
    }

    [Fact]
    public void Pages_and_routes_ask_AccessRules_and_never_test_a_role()
    {
        var host = Path.Combine(Src, "Passerelle");
        var roleTests = new[] { "Pages", "Api" }
            .SelectMany(d => Directory.EnumerateFiles(Path.Combine(host, d), "*.cs*", SearchOption.AllDirectories))
            .Where(f => File.ReadAllText(f).Contains("IsInRole", StringComparison.Ordinal))
            .Select(Relative);

        Assert.Empty(roleTests);
    }

    [Fact]
    public void Error_codes_are_named_in_catalogues_not_written_at_call_sites()
    {
        var literals = SourceFiles("*.cs")
            .SelectMany(f => LiteralCode().Matches(File.ReadAllText(f)).Select(m => $"{Relative(f)}: {m.Value}"));

        Assert.Empty(literals);
    }

    [Theory]
    [InlineData("return Error.Invalid(\"document.number\", \"The number is wrong.\");")]
    [InlineData("new Error(\n    \"hit.decided\", message, ErrorKind.Conflict)")]
    [InlineData("new Validation()\n    .Require(ok, \"name\", \"agency.name\", \"Say the name.\")")]
    public void The_literal_code_check_recognises_a_literal_code(string source) =>
        Assert.Matches(LiteralCode(), source);

    [Theory]
    [InlineData("return TravelDocumentErrors.Number.With(\"The number is wrong.\");")]
    [InlineData("new Validation()\n    .Require(ok, \"name\", AgencyErrors.Name, \"Say the name.\")")]
    public void The_literal_code_check_leaves_catalogue_codes_alone(string source) =>
        Assert.DoesNotMatch(LiteralCode(), source);

    [Fact]
    public void The_checks_above_read_the_real_tree()
    {
        // A wrong root would make every check above pass on nothing.
        Assert.True(File.Exists(Path.Combine(Src, "Passerelle.Core", "Trust", "Access", "AccessRules.cs")));
        Assert.True(SourceFiles("*.cs").Count() > 300);
    }

    // An Error built from a string literal code, or a validation given one, instead of a catalogue's field.
    [GeneratedRegex(
        @"(Error\.(Invalid|NotFound|Conflict)|new Error)\(\s*""[^""]*"""
        + @"|\.Require\([^;]*?,\s*""[a-z0-9-]+(\.[a-z0-9-]+)+""\s*,",
        RegexOptions.Singleline)]
    private static partial Regex LiteralCode();

    private static IEnumerable<string> SourceFiles(string pattern) =>
        Directory.EnumerateFiles(Src, pattern, SearchOption.AllDirectories)
            .Where(f => !Relative(f).Split('/').Any(part => part is "bin" or "obj" or "Migrations")
                && !Relative(f).StartsWith("src/Passerelle.Migrations.", StringComparison.Ordinal));

    private static string Relative(string file) => Path.GetRelativePath(Root, file).Replace('\\', '/');

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Passerelle.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("No Passerelle.slnx above " + AppContext.BaseDirectory);
    }
}
