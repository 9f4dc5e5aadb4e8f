using System.Globalization;
using System.Text;

namespace Passerelle.Drills.Harness;

/// <summary>
/// The least a drill needs, made with the real CLI as an operator would: one police agency and its coordinator, who
/// registers records and screens documents through one API token.
/// </summary>
internal sealed record DrillWorld(string AgencyCode, string Token)
{
    public const string Agency = "DRILL-POLICE";
    public const string Password = "Drill-Password-2026!";

    public static async Task<DrillWorld> CreateAsync(Workspace workspace)
    {
        await AddAgencyAsync(workspace);
        await workspace.RunCheckedAsync(Password, "users", "add",
            "--agency", Agency, "--login", "drill.coordinator", "--role", "coordinator", "--password-stdin");
        var token = await workspace.RunCheckedAsync(null,
            "tokens", "create", "--user", "drill.coordinator", "--scope", "documents:screen", "documents:write");
        return new DrillWorld(Agency, token.Output.Trim());
    }

    public static Task<ProcessRun> AddAgencyAsync(Workspace workspace) => workspace.RunCheckedAsync(null,
        "agencies", "add", "--code", Agency, "--name", "Drill police", "--kind", "police", "--country", "FRA");

    /// <summary>Imports the first <paramref name="records"/> synthetic records through the server's API.</summary>
    public async Task LoadRegisterAsync(ServerProcess server, int records)
    {
        using var client = new DrillClient(server.Url, Token);
        var imported = await client.ImportAsync(Synthetic.Csv(records));
        if (!imported.Ok)
        {
            throw new InvalidOperationException($"the register could not be loaded: {imported} {imported.Body}");
        }
    }
}

/// <summary>
/// The synthetic register, as the benchmarks write it: record <c>i</c> is passport <c>P</c> + <c>i</c> on 8 digits,
/// issued by one of eight states in turn.
/// </summary>
internal static class Synthetic
{
    public const string Header = "documentNumber,issuingState,documentType,status,reportedOn";

    private static readonly string[] States = ["FRA", "D", "BEL", "ITA", "ESP", "NLD", "UTO", "GBR"];

    public static string Number(long i) => "P" + (i % 100_000_000).ToString("D8", CultureInfo.InvariantCulture);

    public static string State(long i) => States[i % States.Length];

    public static string Row(long i) =>
        $"{Number(i)},{State(i)},passport,stolen,2026-01-{1 + (i % 28):D2}";

    public static string Csv(int count)
    {
        var csv = new StringBuilder(Header).Append('\n');
        for (var i = 0; i < count; i++)
        {
            csv.Append(Row(i)).Append('\n');
        }

        return csv.ToString();
    }

    public static async Task WriteCsvAsync(string file, int count)
    {
        await using var writer = new StreamWriter(file);
        await writer.WriteLineAsync(Header);
        for (var i = 0; i < count; i++)
        {
            await writer.WriteLineAsync(Row(i));
        }
    }

    /// <summary>
    /// The document screened by request <paramref name="i"/>: one in <paramref name="hitEvery"/> is in a register of
    /// <paramref name="registered"/> records (a hit, which opens a case), the rest are not (clear).
    /// </summary>
    public static (string Number, string State) Screened(long i, int registered, int hitEvery) =>
        i % hitEvery == 0 && registered > 0
            ? (Number(i / hitEvery % registered), State(i / hitEvery % registered))
            : (Number(50_000_000 + i), State(i));
}
