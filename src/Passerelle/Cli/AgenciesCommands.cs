using System.CommandLine;
using Passerelle.Core.Agencies;

namespace Passerelle.Cli;

internal static class AgenciesCommands
{
    public static Command Create()
    {
        var code = new Option<string>("--code") { Description = "Short unique code, such as FR-DGDDI.", Required = true };
        var name = new Option<string>("--name") { Description = "Full name.", Required = true };
        var kind = new Option<string>("--kind") { Description = "customs, police, border-guard, ncb, international or rights-holder.", Required = true };
        kind.AcceptOnlyFromAmong([.. AgencyKinds.Names]);
        var country = new Option<string>("--country") { Description = "ICAO Doc 9303 three-letter code (Germany is D).", Required = true };
        var add = new Command("add", "Add an agency.") { code, name, kind, country };
        add.Run(async (parse, services, actor, ct) =>
        {
            var request = new AddAgencyRequest(parse.GetValue(code), parse.GetValue(name), parse.GetValue(kind), parse.GetValue(country));
            var result = await services.GetRequiredService<AddAgency>().HandleAsync(actor, request, ct);
            if (!result.Succeeded)
            {
                return CliOutput.Fail(result.Error!);
            }

            Console.Out.WriteLine($"Added agency {result.Value!.Code}.");
            return ExitCodes.Success;
        });

        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table." };
        var list = new Command("list", "List agencies.") { json };
        list.Run(async (parse, services, actor, ct) =>
        {
            var result = await services.GetRequiredService<ListAgencies>().HandleAsync(actor, ct);
            if (!result.Succeeded)
            {
                return CliOutput.Fail(result.Error!);
            }

            if (parse.GetValue(json))
            {
                CliOutput.WriteJson(result.Value);
                return ExitCodes.Success;
            }

            foreach (var a in result.Value!)
            {
                Console.Out.WriteLine($"{a.Code,-20} {a.Kind,-14} {a.Country,-4} {(a.Verified ? "verified" : ""),-9} {a.Name}");
            }

            return ExitCodes.Success;
        });

        var verifyCode = new Argument<string>("code") { Description = "The rights holder's agency code." };
        var evidence = new Option<string>("--evidence") { Description = "How the rights holder was verified.", Required = true };
        var verify = new Command("verify", "Verify a rights holder, so it may publish.") { verifyCode, evidence };
        verify.Run(async (parse, services, actor, ct) =>
        {
            var result = await services.GetRequiredService<VerifyRightsHolder>().HandleAsync(actor, parse.GetValue(verifyCode)!, parse.GetValue(evidence), ct);
            if (!result.Succeeded)
            {
                return CliOutput.Fail(result.Error!);
            }

            Console.Out.WriteLine($"Verified {result.Value!.Code}.");
            return ExitCodes.Success;
        });

        var settingsCode = new Argument<string>("code") { Description = "The agency's code." };
        var shareConsignee = new Option<bool>("--share-consignee") { Description = "Whether its officers may send consignee details to rights holders.", Required = true };
        var settings = new Command("settings", "Change an agency's settings.") { settingsCode, shareConsignee };
        settings.Run(async (parse, services, actor, ct) =>
        {
            var result = await services.GetRequiredService<ChangeAgencySettings>().HandleAsync(actor, parse.GetValue(settingsCode)!, parse.GetValue(shareConsignee), ct);
            if (!result.Succeeded)
            {
                return CliOutput.Fail(result.Error!);
            }

            Console.Out.WriteLine($"Changed the settings of {result.Value!.Code}.");
            return ExitCodes.Success;
        });

        return new Command("agencies", "Manage agencies.") { add, list, verify, settings };
    }
}
