using System.CommandLine;
using System.Text;
using Passerelle.Core.Common;
using Passerelle.Core.TravelDocuments;

namespace Passerelle.Cli;

internal static class DocumentsCommands
{
    public static Command Create() => new("documents", "The register of lost and stolen travel documents.")
    {
        Import(), Export(), ScreenManifestCommand.Create(), Purge(),
    };

    private static Command Purge()
    {
        var purge = new Command(
            "purge",
            "Remove records past their review date and the grace period (Register:PurgeGraceDays), with their "
            + "history and hit cases. The server also does this every hour.");
        purge.Run((_, services, actor, ct) => services.GetRequiredService<PurgeRegister>().HandleAsync(actor, ct)
            .PrintAsync(purged => Console.Out.WriteLine($"Purged {purged} records.")));
        return purge;
    }

    private static Command Import()
    {
        var file = new Argument<FileInfo>("file") { Description = "CSV with a header line: " + DocumentCsv.Header };
        var agency = new Option<string>("--agency") { Description = "The owner agency's code.", Required = true };
        var report = new Option<FileInfo?>("--report")
        {
            Description = "Where to write the bad rows (default FILE.report.csv).",
        };
        var import = new Command(
            "import",
            "Upsert records from CSV for an agency, in batches; bad rows go to a report, a re-run adds nothing twice.")
        {
            file, agency, report,
        };
        import.Run(async (parse, services, actor, ct) =>
        {
            var input = parse.GetValue(file)!;
            if (!input.Exists)
            {
                return CliOutput.Fail($"{input.FullName} does not exist.", ExitCodes.BadInput);
            }

            var handler = services.GetRequiredService<ImportDocuments>();
            handler.ScreensHere = false;
            var imported = Progress.RunAsync($"Importing {input.Name}", input.Length, async (bytes, rows) =>
            {
                // Large reads: the import reads the file on its own thread while the last batch is saved.
                using var reader = new StreamReader(
                    new CountingStream(input.OpenRead(), bytes), Encoding.UTF8, true, 64 * 1024);
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
        var output = new Option<FileInfo?>("--output")
        {
            Description = "The CSV file to write (default: standard output).",
        };
        var export = new Command("export", "Write an agency's live records as CSV, in the form import reads.")
        {
            agency, output,
        };
        export.Run(async (parse, services, actor, ct) =>
        {
            var target = parse.GetValue(output);
            await using var writer = target is null
                ? new StreamWriter(Console.OpenStandardOutput())
                : new StreamWriter(target.FullName);
            var handler = services.GetRequiredService<ExportDocuments>();
            return await handler.HandleAsync(actor, parse.GetValue(agency), ct).WriteAsync(records =>
                Progress.RunAsync("Exporting", 0, (_, rows) => ExportDocuments.WriteAsync(records, writer, rows, ct)));
        });
        return export;
    }
}
