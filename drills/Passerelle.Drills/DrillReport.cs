using System.Globalization;
using System.Text;

namespace Passerelle.Drills;

/// <summary>What a drill measured, in the order it measured it, and every property that did not hold.</summary>
internal sealed class DrillReport(string name)
{
    private readonly List<(string Name, string Value)> figures = [];
    private readonly List<string> failures = [];

    public string Name => name;

    public IReadOnlyList<(string Name, string Value)> Figures => figures;

    public IReadOnlyList<string> Failures => failures;

    public bool Passed => failures.Count == 0;

    public void Figure(string figure, string value) => figures.Add((figure, value));

    /// <summary>Records <paramref name="failure"/> unless the property holds.</summary>
    public void Check(bool holds, string failure)
    {
        if (!holds)
        {
            failures.Add(failure);
        }
    }

    public void Fail(string failure) => failures.Add(failure);

    public override string ToString()
    {
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"== {name}\n");
        foreach (var (figure, value) in figures)
        {
            text.Append(CultureInfo.InvariantCulture, $"{figure}: {value}\n");
        }

        text.Append(Passed ? "PASSED\n" : "FAILED\n");
        foreach (var failure in failures)
        {
            text.Append(CultureInfo.InvariantCulture, $"  - {failure}\n");
        }

        return text.ToString();
    }

    public static string Seconds(double seconds) => seconds.ToString("F2", CultureInfo.InvariantCulture) + " s";
}
