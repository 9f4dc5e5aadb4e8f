using System.Globalization;
using BenchmarkDotNet.Running;
using Passerelle.Benchmarks;

// 'generate N FILE' writes N synthetic records as an import CSV for the load scripts; anything else runs
// BenchmarkDotNet with its usual arguments (for example --filter '*Lookup*').
if (args is ["generate", var count, var file])
{
    await using var writer = new StreamWriter(file);
    await writer.WriteLineAsync("documentNumber,issuingState,documentType,status,reportedOn");
    for (var i = 0; i < int.Parse(count, CultureInfo.InvariantCulture); i++)
    {
        await writer.WriteLineAsync($"{Generated.Number(i)},{Generated.State(i)},passport,stolen,2026-01-{1 + (i % 28):D2}");
    }

    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(ScreeningIndexBenchmarks).Assembly).Run(args);
return 0;
