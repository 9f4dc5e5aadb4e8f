using System.Globalization;
using BenchmarkDotNet.Attributes;
using Passerelle.Core.TravelDocuments;

namespace Passerelle.Benchmarks;

/// <summary>
/// Lookups against an index of 10 million records, on one thread: three in four are numbers that are not in the
/// register (the common case at a border), one in four are records, some with an O for a 0.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class ScreeningIndexBenchmarks
{
    public const int Records = 10_000_000;
    private const int Queries = 4096;

    private static readonly Guid Owner = new("0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b");

    private readonly ScreeningIndex index = new();
    private readonly string[] numbers = new string[Queries];
    private readonly string[] states = new string[Queries];
    private readonly DateOnly today = new(2026, 11, 26);

    [GlobalSetup]
    public void Build()
    {
        var review = today.AddYears(10);
        for (var i = 0; i < Records; i++)
        {
            index.Upsert(Generated.Number(i), Generated.State(i), DocumentType.Passport, Owner, review, live: true, i);
        }

        var random = new Random(42);
        for (var q = 0; q < Queries; q++)
        {
            var n = random.Next(Records * 4);
            numbers[q] = n < Records && q % 8 == 0 ? Generated.Number(n).Replace('0', 'O') : Generated.Number(n);
            states[q] = Generated.State(n);
        }

        Console.WriteLine($"// index: {index.Count:N0} records, {index.ArrayBytes:N0} bytes in arrays, {(double)index.ArrayBytes / index.Count:F1} bytes per record");
    }

    [Benchmark(OperationsPerInvoke = Queries)]
    public int Lookup()
    {
        var found = 0;
        for (var q = 0; q < Queries; q++)
        {
            found += index.Candidates(numbers[q], states[q], today);
        }

        return found;
    }
}

/// <summary>The synthetic register the benchmarks and load scripts share: record i is passport number Pnnnnnnnn.</summary>
public static class Generated
{
    private static readonly string[] States = ["FRA", "D", "BEL", "ITA", "ESP", "NLD", "UTO", "GBR"];

    public static string Number(int i) => "P" + i.ToString("D8", CultureInfo.InvariantCulture);

    public static string State(int i) => States[i % States.Length];

    /// <summary>GTIN-14 number i: 0 9506 then i on 8 digits, and its GS1 check digit.</summary>
    public static string Gtin(int i)
    {
        var body = "09506" + i.ToString("D8", CultureInfo.InvariantCulture);
        return body + Passerelle.Core.Standards.Gtin.CheckDigitOf(body);
    }
}
