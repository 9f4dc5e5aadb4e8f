using System.Globalization;

namespace Passerelle.Ceiling;

/// <summary>The generated register in a dictionary keyed by issuing state and normalised number.</summary>
internal sealed class Register
{
    private readonly Dictionary<string, ScreenMatch> records = new(StringComparer.Ordinal);
    private readonly ScreenMatch[] none = [];

    // What Passerelle says of a typed number, which has no MRZ to check.
    private readonly DocumentCheckReason[] noMrz =
        [new("document.no-mrz", "Only a document number was given: nothing on the document could be checked.", null)];

    public int Count => records.Count;

    /// <summary>Reads the CSV that <c>Passerelle.Benchmarks generate</c> writes for <c>documents import</c>.</summary>
    public static Register Load(string csv, string owner)
    {
        var register = new Register();
        foreach (var line in File.ReadLines(csv).Skip(1))
        {
            // documentNumber,issuingState,documentType,status,reportedOn
            var f = line.Split(',');
            var match = new ScreenMatch("hit", Guid.CreateVersion7(), Guid.CreateVersion7(), f[0], f[1], f[2], f[3],
                owner, DateOnly.Parse(f[4], CultureInfo.InvariantCulture), null, null, null, 1);
            register.records[Key(f[1], f[0])] = match;
        }

        return register;
    }

    public IResult Screen(ScreenRequest request)
    {
        // The law requires a purpose, and Passerelle refuses a screening without one; so does the ceiling.
        if (string.IsNullOrWhiteSpace(request.Purpose) || string.IsNullOrWhiteSpace(request.DocumentNumber))
        {
            return Results.Json(
                new Problem("Invalid request.", 400, "Give a purpose and a document number."),
                WireJson.Default.Problem, "application/problem+json", 400);
        }

        var key = Key(request.IssuingState?.Trim().ToUpperInvariant() ?? "", Normalize(request.DocumentNumber));
        var answer = records.TryGetValue(key, out var match)
            ? new ScreenResult("hit", [match], "not-checked", noMrz)
            : new ScreenResult("clear", none, "not-checked", noMrz);
        return Results.Json(answer, WireJson.Default.ScreenResult);
    }

    private static string Key(string state, string number) => string.Concat(state, "/", number);

    // As Passerelle normalises a typed number: blanks, hyphens and MRZ fillers dropped, upper case.
    private static string Normalize(string number) => number.Replace(" ", "", StringComparison.Ordinal)
        .Replace("-", "", StringComparison.Ordinal).Replace("<", "", StringComparison.Ordinal).ToUpperInvariant();
}
