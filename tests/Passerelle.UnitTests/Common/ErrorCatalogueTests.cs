using System.Reflection;
using System.Text.RegularExpressions;
using Passerelle.Core.Common;

namespace Passerelle.UnitTests.Common;

/// <summary>
/// The error catalogues: each capability's public static <c>…Errors</c> class in Core lists its codes in <c>All</c>,
/// which the API contract reads, so a code missing from <c>All</c> is a code the contract never tells clients of.
/// </summary>
public sealed partial class ErrorCatalogueTests
{
    /// <summary>
    /// Codes answered today with two kinds, kept as two fields so behaviour does not change: a token asked for a
    /// disabled person is invalid input, a token presented by one is refused; too many photos on a new
    /// authentication request is invalid input, a photo added to a full one is a conflict.
    /// </summary>
    private static readonly HashSet<string> TwoKinds =
        new(StringComparer.Ordinal) { "token.user-disabled", "authentication.photos" };

    [Fact]
    public void Core_has_a_catalogue_per_capability()
    {
        var names = Catalogues().Select(c => c.Name).ToHashSet(StringComparer.Ordinal);

        Assert.Superset(
            new HashSet<string>(StringComparer.Ordinal)
            {
                "AccessErrors", "AgencyErrors", "PeopleErrors", "TokenErrors", "AuditErrors", "TravelDocumentErrors",
                "HitErrors", "MrzErrors", "Gs1Errors", "PagingErrors", "BackupErrors", "ProductErrors", "AlertErrors",
                "AuthenticationErrors", "PictureErrors", "NotificationErrors",
            },
            names);
    }

    [Fact]
    public void Every_code_a_catalogue_names_is_in_its_All_once()
    {
        var faults = Catalogues().SelectMany(Faults).ToList();

        Assert.True(faults.Count == 0, string.Join("\n", faults));
    }

    [Fact]
    public void A_field_left_out_of_All_is_found()
    {
        var fault = Assert.Single(Faults(typeof(ForgetfulErrors)));

        Assert.Equal("ForgetfulErrors.Forgotten (x.forgotten) is not in All", fault);
    }

    [Fact]
    public void No_code_is_named_by_two_fields_or_in_two_catalogues()
    {
        var twice = Catalogues()
            .SelectMany(Fields)
            .GroupBy(f => f.Code.Code, StringComparer.Ordinal)
            .Where(g => g.Count() > 1 && !(TwoKinds.Contains(g.Key) && g.DistinctBy(f => f.Code.Kind).Count() == 2
                && g.Count() == 2))
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(f => f.Name))}")
            .ToList();

        Assert.True(twice.Count == 0, "Named twice:\n" + string.Join("\n", twice));
    }

    [Fact]
    public void Every_code_reads_area_dot_name()
    {
        var odd = Catalogues().SelectMany(Fields).Where(f => !Shape().IsMatch(f.Code.Code))
            .Select(f => $"{f.Name}: {f.Code.Code}").ToList();

        Assert.True(odd.Count == 0, string.Join("\n", odd));
    }

    private static IEnumerable<Type> Catalogues() => typeof(ErrorCode).Assembly.GetExportedTypes()
        .Where(t => t is { IsAbstract: true, IsSealed: true } && t.Name.EndsWith("Errors", StringComparison.Ordinal))
        .OrderBy(t => t.FullName, StringComparer.Ordinal);

    private static IEnumerable<(string Name, ErrorCode Code)> Fields(Type catalogue) => catalogue
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(ErrorCode))
        .Select(f => ($"{catalogue.Name}.{f.Name}", (ErrorCode)f.GetValue(null)!));

    /// <summary>
    /// What is wrong with one catalogue's <c>All</c>: a field missing from it, or an entry there twice.
    /// </summary>
    private static List<string> Faults(Type catalogue)
    {
        var all = catalogue.GetProperty("All", BindingFlags.Public | BindingFlags.Static)?.GetValue(null)
            as IReadOnlyList<ErrorCode>;
        if (all is null)
        {
            return [$"{catalogue.Name} has no public static All"];
        }

        var missing = Fields(catalogue)
            .Where(f => !all.Any(code => ReferenceEquals(code, f.Code)))
            .Select(f => $"{f.Name} ({f.Code.Code}) is not in All");
        var repeated = all.GroupBy(code => code).Where(g => g.Count() > 1)
            .Select(g => $"{catalogue.Name}.All lists {g.Key.Code} more than once");
        return [.. missing, .. repeated];
    }

    [GeneratedRegex("^[a-z0-9]+(\\.[a-z0-9]+(-[a-z0-9]+)*)+$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();

    /// <summary>A catalogue whose author forgot one field in <c>All</c>.</summary>
    public static class ForgetfulErrors
    {
        public static readonly ErrorCode Listed = ErrorCode.Invalid("x.listed");
        public static readonly ErrorCode Forgotten = ErrorCode.Invalid("x.forgotten");

        public static IReadOnlyList<ErrorCode> All { get; } = [Listed];
    }
}
