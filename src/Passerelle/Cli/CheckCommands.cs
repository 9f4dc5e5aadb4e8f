using System.CommandLine;
using Passerelle.Core.Standards;

namespace Passerelle.Cli;

internal sealed record CheckOutput(
    bool Valid,
    string? Normalized,
    string? Reason,
    IReadOnlyDictionary<string, string>? Elements = null,
    string? Description = null);

internal static class CheckCommands
{
    public static Command Create()
    {
        var check = new Command(
            "check", "Check an identifier and print JSON {valid, normalized, reason}: exit 0 when valid, 1 when not.");
        check.Subcommands.Add(Verb(
            "gtin", "A GTIN-8, -12, -13 or -14 (normalised to GTIN-14).", v => Of(Gtin.Check(v))));
        check.Subcommands.Add(Verb(
            "digital-link",
            "A GS1 Digital Link URI, an element string (01)…(10)…, or raw scanner data.",
            Gs1Output));
        check.Subcommands.Add(Verb(
            "container", "An ISO 6346 freight container number.", v => Of(ContainerNumber.Check(v))));
        check.Subcommands.Add(Verb("imo", "An IMO ship number.", v => Of(ImoNumber.Check(v))));
        check.Subcommands.Add(Verb("hs", "An HS 2022 code of 2, 4 or 6 digits.", v =>
        {
            var result = HsCodes.Check(v);
            return Of(result) with { Description = result.Valid ? HsCodes.Describe(result.Normalized!) : null };
        }));
        return check;
    }

    private static Command Verb(string name, string description, Func<string, CheckOutput> run)
    {
        var value = new Argument<string>("value") { Description = "The value to check." };
        var command = new Command(name, description) { value };
        command.SetAction(parse =>
        {
            var output = run(parse.GetValue(value)!);
            CliOutput.WriteJson(output);
            return output.Valid ? ExitCodes.Success : ExitCodes.Failure;
        });
        return command;
    }

    private static CheckOutput Of(CheckResult result) => new(result.Valid, result.Normalized, result.Reason);

    private static CheckOutput Gs1Output(string value)
    {
        var parsed = Gs1.Parse(value);
        return parsed.Succeeded
            ? new CheckOutput(true, parsed.Value.DigitalLink, null, parsed.Value.Elements)
            : new CheckOutput(false, null, parsed.Error.Message);
    }
}
