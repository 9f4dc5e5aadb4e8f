using System.CommandLine;
using Passerelle.Core.Standards;

namespace Passerelle.Cli;

internal static class MrzCommands
{
    public static Command Create()
    {
        var parse = new Command(
            "parse",
            "Read one MRZ from standard input and print its fields and checks as JSON. Exit 0 for an MRZ of a known "
            + "format, whatever its check digits say; 2 when it is not an MRZ.");
        parse.SetAction(async (_, ct) =>
        {
            var input = await Console.In.ReadToEndAsync(ct);
            return MrzParser.Parse(input, DateOnly.FromDateTime(DateTime.UtcNow))
                .Print(mrz => CliOutput.WriteJson(MrzView.Of(mrz)));
        });
        return new Command("mrz", "Machine-readable zones of travel documents (ICAO Doc 9303).") { parse };
    }
}
