using System.CommandLine;
using Passerelle.Core.Trust.Agencies;

namespace Passerelle.Cli;

internal static class AgenciesCommands
{
    public static Command Create()
    {
        var code = new Option<string>("--code")
        {
            Description = "Short unique code, such as FR-DGDDI.",
            Required = true,
        };
        var name = new Option<string>("--name") { Description = "Full name.", Required = true };
        var kind = new Option<string>("--kind")
        {
            Description = "customs, police, border-guard, ncb, international or rights-holder.",
            Required = true,
        };
        kind.AcceptOnlyFromAmong([.. AgencyKinds.Names]);
        var country = new Option<string>("--country")
        {
            Description = "ICAO Doc 9303 three-letter code (Germany is D).",
            Required = true,
        };
        var add = new Command("add", "Add an agency.") { code, name, kind, country };
        add.Run(async (parse, services, actor, ct) =>
        {
            var request = new AddAgencyRequest(
                parse.GetValue(code), parse.GetValue(name), parse.GetValue(kind), parse.GetValue(country));
            return await services.GetRequiredService<AddAgency>().HandleAsync(actor, request, ct)
                .PrintAsync(added => Console.Out.WriteLine($"Added agency {added.Code}."));
        });

        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table." };
        var list = new Command("list", "List agencies.") { json };
        list.Run((parse, services, actor, ct) =>
            services.GetRequiredService<ListAgencies>().HandleAsync(actor, ct).PrintListAsync(parse.GetValue(json), a =>
                $"{a.Code,-20} {a.Kind,-14} {a.Country,-4} {(a.Verified ? "verified" : ""),-9} {a.Name}"));

        var verifyCode = new Argument<string>("code") { Description = "The rights holder's agency code." };
        var evidence = new Option<string>("--evidence")
        {
            Description = "How the rights holder was verified.",
            Required = true,
        };
        var verify = new Command("verify", "Verify a rights holder, so it may publish.") { verifyCode, evidence };
        verify.Run((parse, services, actor, ct) => services.GetRequiredService<VerifyRightsHolder>()
            .HandleAsync(actor, parse.GetValue(verifyCode)!, parse.GetValue(evidence), ct)
            .PrintAsync(verified => Console.Out.WriteLine($"Verified {verified.Code}.")));

        var settingsCode = new Argument<string>("code") { Description = "The agency's code." };
        var shareConsignee = new Option<bool>("--share-consignee")
        {
            Description = "Whether its officers may send consignee details to rights holders.",
            Required = true,
        };
        var settings = new Command("settings", "Change an agency's settings.") { settingsCode, shareConsignee };
        settings.Run((parse, services, actor, ct) => services.GetRequiredService<ChangeAgencySettings>()
            .HandleAsync(actor, parse.GetValue(settingsCode)!, parse.GetValue(shareConsignee), ct)
            .PrintAsync(changed => Console.Out.WriteLine($"Changed the settings of {changed.Code}.")));

        return new Command("agencies", "Manage agencies.") { add, list, verify, settings };
    }
}
