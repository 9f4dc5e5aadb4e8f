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

// 'products SHEETS GTINS_PER_SHEET OWNER_ID FOLDER' writes published product sheets and their GTINs as CSV for COPY.
if (args is ["products", var sheetCount, var perSheet, var owner, var folder])
{
    await using var sheets = new StreamWriter(Path.Combine(folder, "sheets.csv"));
    await using var gtins = new StreamWriter(Path.Combine(folder, "gtins.csv"));
    var per = int.Parse(perSheet, CultureInfo.InvariantCulture);
    for (var s = 0; s < int.Parse(sheetCount, CultureInfo.InvariantCulture); s++)
    {
        var id = Guid.CreateVersion7();
        await sheets.WriteLineAsync($"{id},{owner},Brand {s % 500},Product {s},BRAND {s % 500} PRODUCT {s},{{FRA}},1,2026-01-01 00:00:00+00,2026-01-01 00:00:00+00,2026-01-01 00:00:00+00");
        for (var g = 0; g < per; g++)
        {
            await gtins.WriteLineAsync($"{Generated.Gtin((s * per) + g)},{id}");
        }
    }

    return 0;
}

// 'lookups URL TOKEN RATE SECONDS GTINS' looks up random catalogue GTINs at a fixed rate, in an open loop.
if (args is ["lookups", var url, var token, var rate, var seconds, var gtinCount])
{
    var catalogue = int.Parse(gtinCount, CultureInfo.InvariantCulture);
    return await OpenLoop.RunAsync(new Uri(url), token, int.Parse(rate, CultureInfo.InvariantCulture), int.Parse(seconds, CultureInfo.InvariantCulture),
        _ => $"/api/v1/products/lookup?q={Generated.Gtin(Random.Shared.Next(catalogue))}");
}

// 'requests URL TOKEN RATE SECONDS PATH' sends GET PATH at a fixed rate, in an open loop: the floor under any route.
if (args is ["requests", var baseUrl, var bearer, var perSecond, var forSeconds, var fixedPath])
{
    return await OpenLoop.RunAsync(new Uri(baseUrl), bearer, int.Parse(perSecond, CultureInfo.InvariantCulture), int.Parse(forSeconds, CultureInfo.InvariantCulture), _ => fixedPath);
}

BenchmarkSwitcher.FromAssembly(typeof(ScreeningIndexBenchmarks).Assembly).Run(args);
return 0;
