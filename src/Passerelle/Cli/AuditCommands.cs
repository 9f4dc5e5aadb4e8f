using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Passerelle.Core.Trust.Audit;

namespace Passerelle.Cli;

internal static class AuditCommands
{
    public static Command Create()
    {
        var checkpoints = new Option<FileInfo?>("--checkpoints")
        {
            Description = "A checkpoint file (Audit:CheckpointPath): also fail when the trail no longer reaches a "
                + "checkpoint with its hash.",
        };
        var verify = new Command(
            "verify",
            "Recompute the audit hash chain; exit 1 and name the first entry, or checkpoint, that no longer matches.")
        {
            checkpoints,
        };
        verify.Run(async (parse, services, actor, ct) =>
        {
            IReadOnlyList<(int Line, AuditCheckpoint Checkpoint)> given = [];
            if (parse.GetValue(checkpoints) is { } file)
            {
                if (!file.Exists)
                {
                    return CliOutput.Fail($"{file.FullName} does not exist.", ExitCodes.BadInput);
                }

                var read = AuditCheckpoint.ReadAll(await File.ReadAllLinesAsync(file.FullName, ct));
                if (!read.Succeeded)
                {
                    return CliOutput.Fail(read.Error);
                }

                given = read.Value;
            }

            return await services.GetRequiredService<VerifyAuditTrail>().HandleAsync(actor, given, ct).ExitAsync(v =>
            {
                if (v.Intact)
                {
                    var against = v.Checkpoints > 0 ? $", and {v.Checkpoints} checkpoints hold" : "";
                    Console.Out.WriteLine($"The audit trail is intact: {v.Checked} entries verified{against}.");
                    return ExitCodes.Success;
                }

                Console.Out.WriteLine(v.FirstBroken is not null
                    ? $"The audit trail is broken at entry {v.FirstBroken}: {v.Reason}."
                    : $"The audit trail fails its {v.BrokenCheckpoint}.");
                return ExitCodes.Failure;
            });
        });

        var checkpoint = new Command(
            "checkpoint",
            "Sign the chain's current entry and hash with the checkpoint key, append it to Audit:CheckpointPath and "
            + "print it as one JSON line.");
        checkpoint.Run((_, services, actor, ct) => services.GetRequiredService<WriteAuditCheckpoint>()
            .HandleAsync(actor, ct)
            .PrintAsync(written => Console.Out.WriteLine(written.ToJsonLine())));

        var format = new Option<string>("--format") { Description = "jsonl or csv.", Required = true };
        format.AcceptOnlyFromAmong(AuditExport.Formats);
        var from = new Option<DateTime?>("--from")
        {
            Description = "Entries at or after this UTC date or time.",
            CustomParser = ParseUtc,
        };
        var to = new Option<DateTime?>("--to")
        {
            Description = "Entries before this UTC date or time.",
            CustomParser = ParseUtc,
        };
        var export = new Command("export", "Write audit entries, oldest first, to standard output.")
        {
            format, from, to,
        };
        export.Run(async (parse, services, actor, ct) =>
        {
            var chosen = parse.GetValue(format)!;
            var filter = new AuditFilter(parse.GetValue(from), parse.GetValue(to));
            return await services.GetRequiredService<SearchAuditTrail>().ExportAsync(actor, filter, chosen, ct)
                .WriteAsync(entries => AuditExport.WriteAsync(entries, chosen, Console.Out, ct));
        });

        return new Command("audit", "Verify, checkpoint and export the audit trail.") { verify, checkpoint, export };
    }

    private static DateTime? ParseUtc(ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
        const DateTimeStyles utc = DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal;
        if (DateTime.TryParse(text, CultureInfo.InvariantCulture, utc, out var value))
        {
            return DateTime.SpecifyKind(value, DateTimeKind.Utc);
        }

        result.AddError($"'{text}' is not a date such as 2026-11-26 or 2026-11-26T08:00:00Z.");
        return null;
    }
}
