using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Passerelle.Core.Audit;

namespace Passerelle.Cli;

internal static class AuditCommands
{
    public static Command Create()
    {
        var verify = new Command("verify", "Recompute the audit hash chain; exit 1 and name the first entry that no longer matches.");
        verify.Run(async (_, services, actor, ct) =>
        {
            var result = await services.GetRequiredService<VerifyAuditTrail>().HandleAsync(actor, ct);
            if (!result.Succeeded)
            {
                return CliOutput.Fail(result.Error!);
            }

            var v = result.Value!;
            if (v.Intact)
            {
                Console.Out.WriteLine($"The audit trail is intact: {v.Checked} entries verified.");
                return ExitCodes.Success;
            }

            Console.Out.WriteLine($"The audit trail is broken at entry {v.FirstBroken}: {v.Reason}.");
            return ExitCodes.Failure;
        });

        var format = new Option<string>("--format") { Description = "jsonl or csv.", Required = true };
        format.AcceptOnlyFromAmong(AuditExport.Formats);
        var from = new Option<DateTime?>("--from") { Description = "Entries at or after this UTC date or time.", CustomParser = ParseUtc };
        var to = new Option<DateTime?>("--to") { Description = "Entries before this UTC date or time.", CustomParser = ParseUtc };
        var export = new Command("export", "Write audit entries, oldest first, to standard output.") { format, from, to };
        export.Run(async (parse, services, actor, ct) =>
        {
            var chosen = parse.GetValue(format)!;
            var result = await services.GetRequiredService<SearchAuditTrail>().ExportAsync(actor, new AuditFilter(parse.GetValue(from), parse.GetValue(to)), chosen, ct);
            if (!result.Succeeded)
            {
                return CliOutput.Fail(result.Error!);
            }

            await AuditExport.WriteAsync(result.Value!, chosen, Console.Out, ct);
            return ExitCodes.Success;
        });

        return new Command("audit", "Verify and export the audit trail.") { verify, export };
    }

    private static DateTime? ParseUtc(ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
        if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var value))
        {
            return DateTime.SpecifyKind(value, DateTimeKind.Utc);
        }

        result.AddError($"'{text}' is not a date such as 2026-11-26 or 2026-11-26T08:00:00Z.");
        return null;
    }
}
