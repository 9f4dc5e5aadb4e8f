using System.CommandLine;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Passerelle.Core.Common;
using Passerelle.Core.TravelDocuments;

namespace Passerelle.Cli;

/// <summary>
/// <c>documents screen</c>: a client of a server's API, not of the local database, so it runs with no services and
/// no actor of its own; the token says who screens.
/// </summary>
internal static class ScreenManifestCommand
{
    private const int Chunk = 1000;

    public static Command Create()
    {
        var manifest = new Argument<FileInfo>("manifest")
        {
            Description = "CSV with a header: documentNumber, issuingState, documentType, or mrz.",
        };
        // Read as text: System.CommandLine has no converter for Uri, so an Option<Uri> given a value threw.
        var server = new Option<string>("--server")
        {
            Description = "The Passerelle server.",
            DefaultValueFactory = _ => "http://localhost:5000",
        };
        var token = new Option<string?>("--token")
        {
            Description = "An API token with documents:screen (default: $PASSERELLE_TOKEN).",
        };
        var purpose = new Option<string>("--purpose")
        {
            Description = "Why these documents are screened.",
            DefaultValueFactory = _ => "passenger-manifest",
        };
        var output = new Option<FileInfo?>("--output")
        {
            Description = "Where to write the results (default MANIFEST.results.csv).",
        };
        var screen = new Command(
            "screen", "Screen a passenger manifest through a server's API and write a results CSV.")
        {
            manifest, server, token, purpose, output,
        };
        screen.SetAction(async (parse, ct) =>
        {
            var input = parse.GetValue(manifest)!;
            var secret = parse.GetValue(token) ?? Environment.GetEnvironmentVariable("PASSERELLE_TOKEN");
            if (!input.Exists || string.IsNullOrWhiteSpace(secret))
            {
                return CliOutput.Fail(
                    !input.Exists ? $"{input.FullName} does not exist." : "give --token or set PASSERELLE_TOKEN.",
                    ExitCodes.BadInput);
            }

            var given = parse.GetValue(server);
            if (!Uri.TryCreate(given, UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https"))
            {
                return CliOutput.Fail($"--server is an http or https address, not '{given}'.", ExitCodes.BadInput);
            }

            var lines = await File.ReadAllLinesAsync(input.FullName, ct);
            var results = new FileInfo(
                parse.GetValue(output)?.FullName ?? Path.ChangeExtension(input.FullName, ".results.csv"));
            using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(2) };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
            var batch = $"/api/v1/documents/screen/batch?purpose={Uri.EscapeDataString(parse.GetValue(purpose)!)}";
            var failure = await Progress.RunAsync(
                $"Screening {input.Name}",
                Math.Max(1, lines.Length - 1),
                (done, rows) => ScreenAsync(http, batch, lines, results, done, rows, ct));
            if (failure is not null)
            {
                return CliOutput.Fail(failure);
            }

            Console.Out.WriteLine($"Wrote {results.FullName}.");
            return ExitCodes.Success;
        });
        return screen;
    }

    /// <summary>Screens the manifest a chunk at a time, writing each answer; null, or why it stopped.</summary>
    private static async Task<string?> ScreenAsync(
        HttpClient http,
        string batch,
        string[] lines,
        FileInfo results,
        IProgress<long> done,
        IProgress<int> rows,
        CancellationToken ct)
    {
        await using var writer = new StreamWriter(results.FullName);
        // documentCheck and checkReasons come last, so readers of the earlier columns keep working.
        await writer.WriteLineAsync(
            "line,result,recordId,ownerAgency,status,caseId,error,documentCheck,checkReasons");
        for (var start = 1; start < lines.Length; start += Chunk)
        {
            var chunk = string.Join('\n', lines.Skip(start).Take(Chunk).Prepend(lines[0]));
            using var body = new StringContent(chunk, Encoding.UTF8, "text/csv");
            using var response = await http.PostAsync(batch, body, ct);
            if (!response.IsSuccessStatusCode)
            {
                var problem = await response.Content.ReadAsStringAsync(ct);
                return $"the server answered {(int)response.StatusCode}: {problem}";
            }

            var answers = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
            var line = start;
            foreach (var answer in answers.EnumerateArray())
            {
                line++;
                if (Cells(answer) is not { } cells)
                {
                    var unknown = Get(answer, "result");
                    return $"line {line}: the server answered a result this version does not know, '{unknown}'.";
                }

                var number = line.ToString(CultureInfo.InvariantCulture);
                await writer.WriteLineAsync(string.Join(',', cells.Select(Csv.Quote).Prepend(number)));
            }

            done.Report(Math.Min(lines.Length - 1, start + Chunk - 1));
            rows.Report(Math.Min(lines.Length - 1, start + Chunk - 1));
        }

        return null;
    }

    /// <summary>An answer's cells after its line number; null when its result is not one this version knows.</summary>
    private static string[]? Cells(JsonElement answer)
    {
        if (Outcome(answer) is not { } outcome)
        {
            return null;
        }

        // Every cell goes through Csv.Quote: the server's answer is not ours to trust in a spreadsheet.
        var match = answer.TryGetProperty("matches", out var m) && m.GetArrayLength() > 0 ? m[0] : default;
        var message = answer.TryGetProperty("error", out var error) ? Get(error, "message") : "";
        var reasons = answer.TryGetProperty("documentCheckReasons", out var r)
            ? string.Join(' ', r.EnumerateArray().Select(reason => Get(reason, "code")))
            : "";
        return
        [
            outcome.Name(), Get(match, "recordId"), Get(match, "ownerAgency"), Get(match, "status"),
            Get(match, "caseId"), message, Get(answer, "documentCheck"), reasons,
        ];
    }

    private static string Get(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) ? v.ToString() : "";

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
