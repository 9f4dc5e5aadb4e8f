using System.CommandLine;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Passerelle.Core.Common;
using Passerelle.Core.TravelDocuments;

namespace Passerelle.Cli;

internal static class DocumentsCommands
{
    public static Command Create() => new("documents", "The register of lost and stolen travel documents.") { Import(), Export(), Screen(), Purge() };

    private static Command Purge()
    {
        var purge = new Command("purge", "Remove records past their review date and the grace period (Register:PurgeGraceDays), with their history and hit cases. The server also does this every hour.");
        purge.Run((_, services, actor, ct) => services.GetRequiredService<PurgeRegister>().HandleAsync(actor, ct)
            .PrintAsync(purged => Console.Out.WriteLine($"Purged {purged} records.")));
        return purge;
    }

    private static Command Import()
    {
        var file = new Argument<FileInfo>("file") { Description = "CSV with a header line: " + DocumentCsv.Header };
        var agency = new Option<string>("--agency") { Description = "The owner agency's code.", Required = true };
        var report = new Option<FileInfo?>("--report") { Description = "Where to write the bad rows (default FILE.report.csv)." };
        var import = new Command("import", "Upsert records from CSV for an agency, in batches; bad rows go to a report, a re-run adds nothing twice.") { file, agency, report };
        import.Run(async (parse, services, actor, ct) =>
        {
            var input = parse.GetValue(file)!;
            if (!input.Exists)
            {
                return CliOutput.Fail($"{input.FullName} does not exist.", ExitCodes.BadInput);
            }

            var handler = services.GetRequiredService<ImportDocuments>();
            var imported = Progress.RunAsync($"Importing {input.Name}", input.Length, async (bytes, rows) =>
            {
                using var reader = new StreamReader(new CountingStream(input.OpenRead(), bytes), Encoding.UTF8);
                return await handler.HandleAsync(actor, parse.GetValue(agency), reader, rows, ct);
            });
            return await imported.ExitAsync(async r =>
            {
                var reportFile = parse.GetValue(report)
                    ?? new FileInfo(Path.ChangeExtension(input.FullName, ".report.csv"));
                if (r.Rejected.Count > 0)
                {
                    await File.WriteAllLinesAsync(reportFile.FullName,
                        r.Rejected.Select(p => $"{p.Line},{Csv.Quote(p.Reason)}").Prepend("line,reason"), ct);
                }

                Console.Out.WriteLine(
                    $"Created {r.Created}, updated {r.Updated}, unchanged {r.Unchanged}, rejected {r.Rejected.Count}"
                    + (r.Rejected.Count > 0 ? $" (see {reportFile.FullName})." : "."));
                return r.Rejected.Count > 0 ? ExitCodes.Failure : ExitCodes.Success;
            });
        });
        return import;
    }

    private static Command Export()
    {
        var agency = new Option<string>("--agency") { Description = "The owner agency's code.", Required = true };
        var output = new Option<FileInfo?>("--output") { Description = "The CSV file to write (default: standard output)." };
        var export = new Command("export", "Write an agency's live records as CSV, in the form import reads.") { agency, output };
        export.Run(async (parse, services, actor, ct) =>
        {
            var target = parse.GetValue(output);
            await using var writer = target is null ? new StreamWriter(Console.OpenStandardOutput()) : new StreamWriter(target.FullName);
            var handler = services.GetRequiredService<ExportDocuments>();
            return await handler.HandleAsync(actor, parse.GetValue(agency), ct).WriteAsync(records =>
                Progress.RunAsync("Exporting", 0, (_, rows) => ExportDocuments.WriteAsync(records, writer, rows, ct)));
        });
        return export;
    }

    private static Command Screen()
    {
        var manifest = new Argument<FileInfo>("manifest") { Description = "CSV with a header: documentNumber, issuingState, documentType, or mrz." };
        // Read as text: System.CommandLine has no converter for Uri, so an Option<Uri> given a value threw.
        var server = new Option<string>("--server")
        {
            Description = "The Passerelle server.",
            DefaultValueFactory = _ => "http://localhost:5000",
        };
        var token = new Option<string?>("--token") { Description = "An API token with documents:screen (default: $PASSERELLE_TOKEN)." };
        var purpose = new Option<string>("--purpose") { Description = "Why these documents are screened.", DefaultValueFactory = _ => "passenger-manifest" };
        var output = new Option<FileInfo?>("--output") { Description = "Where to write the results (default MANIFEST.results.csv)." };
        var screen = new Command("screen", "Screen a passenger manifest through a server's API and write a results CSV.") { manifest, server, token, purpose, output };
        screen.SetAction(async (parse, ct) =>
        {
            var input = parse.GetValue(manifest)!;
            var secret = parse.GetValue(token) ?? Environment.GetEnvironmentVariable("PASSERELLE_TOKEN");
            if (!input.Exists || string.IsNullOrWhiteSpace(secret))
            {
                return CliOutput.Fail(!input.Exists ? $"{input.FullName} does not exist." : "give --token or set PASSERELLE_TOKEN.", ExitCodes.BadInput);
            }

            var given = parse.GetValue(server);
            if (!Uri.TryCreate(given, UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https"))
            {
                return CliOutput.Fail($"--server is an http or https address, not '{given}'.", ExitCodes.BadInput);
            }

            var lines = await File.ReadAllLinesAsync(input.FullName, ct);
            var results = new FileInfo(parse.GetValue(output)?.FullName ?? Path.ChangeExtension(input.FullName, ".results.csv"));
            using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(2) };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
            var failure = await Progress.RunAsync($"Screening {input.Name}", Math.Max(1, lines.Length - 1), async (done, rows) =>
            {
                await using var writer = new StreamWriter(results.FullName);
                // documentCheck and checkReasons come last, so readers of the earlier columns keep working.
                await writer.WriteLineAsync(
                    "line,result,recordId,ownerAgency,status,caseId,error,documentCheck,checkReasons");
                for (var start = 1; start < lines.Length; start += 1000)
                {
                    var chunk = string.Join('\n', lines.Skip(start).Take(1000).Prepend(lines[0]));
                    using var body = new StringContent(chunk, Encoding.UTF8, "text/csv");
                    using var response = await http.PostAsync($"/api/v1/documents/screen/batch?purpose={Uri.EscapeDataString(parse.GetValue(purpose)!)}", body, ct);
                    if (!response.IsSuccessStatusCode)
                    {
                        return $"the server answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}";
                    }

                    var answers = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
                    var line = start;
                    foreach (var answer in answers.EnumerateArray())
                    {
                        line++;
                        var match = answer.TryGetProperty("matches", out var m) && m.GetArrayLength() > 0 ? m[0] : default;
                        string Get(JsonElement e, string name) => e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) ? v.ToString() : "";
                        if (Outcome(answer) is not { } outcome)
                        {
                            var unknown = Get(answer, "result");
                            return $"line {line}: the server answered a result this version does not know, '{unknown}'.";
                        }

                        // Every cell goes through Csv.Quote: the server's answer is not ours to trust in a spreadsheet.
                        var message = answer.TryGetProperty("error", out var error) ? Get(error, "message") : "";
                        var reasons = answer.TryGetProperty("documentCheckReasons", out var r)
                            ? string.Join(' ', r.EnumerateArray().Select(reason => Get(reason, "code"))) : "";
                        string[] cells = [outcome.Name(), Get(match, "recordId"), Get(match, "ownerAgency"), Get(match, "status"),
                            Get(match, "caseId"), message, Get(answer, "documentCheck"), reasons];
                        await writer.WriteLineAsync(string.Join(',', cells.Select(Csv.Quote).Prepend(line.ToString(CultureInfo.InvariantCulture))));
                    }

                    done.Report(Math.Min(lines.Length - 1, start + 999));
                    rows.Report(Math.Min(lines.Length - 1, start + 999));
                }

                return (string?)null;
            });
            if (failure is not null)
            {
                return CliOutput.Fail(failure);
            }

            Console.Out.WriteLine($"Wrote {results.FullName}.");
            return ExitCodes.Success;
        });
        return screen;
    }

    /// <summary>An answer's <c>result</c> read as Core's outcome; null when it is missing or not one of them.</summary>
    private static ScreeningOutcome? Outcome(JsonElement answer)
    {
        try
        {
            return answer.TryGetProperty("result", out var result) ? result.Deserialize<ScreeningOutcome>() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
