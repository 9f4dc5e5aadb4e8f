using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Passerelle.IntegrationTests.Support;

namespace Passerelle.IntegrationTests.Audit;

/// <summary>
/// Entries cut from the end of the trail leave a chain that still links, so 'audit verify' alone passes; against a
/// signed checkpoint kept outside the database, 'audit verify --checkpoints' fails and names the checkpoint.
/// </summary>
public sealed class AuditCheckpointTests
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Entries_cut_from_the_end_pass_verify_alone_but_fail_against_a_checkpoint(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var folder = Path.Combine(Path.GetTempPath(), $"passerelle-checkpoints-{Guid.NewGuid():N}");
        var file = Path.Combine(folder, "audit-checkpoints.log");
        var key = Path.Combine(folder, "audit-checkpoint.key");
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = db.ToString(),
            ["ConnectionStrings:Passerelle"] = app.ConnectionString,
            ["Audit:CheckpointPath"] = file,
            ["Audit:CheckpointKeyPath"] = key,
            ["DOTNET_ENVIRONMENT"] = "Development",
        };
        Assert.Equal(0, (await PasserelleCli.RunAsync(settings, null, "agencies", "add", "--code", "FR-A", "--name", "Douane", "--kind", "customs", "--country", "FRA")).ExitCode);
        Assert.Equal(0, (await PasserelleCli.RunAsync(settings, null, "agencies", "add", "--code", "FR-B", "--name", "Police", "--kind", "police", "--country", "FRA")).ExitCode);

        var written = await PasserelleCli.RunAsync(settings, null, "audit", "checkpoint");

        Assert.True(written.ExitCode == 0, written.Output + written.Error);
        var checkpoint = JsonDocument.Parse(written.Output).RootElement;
        var sequence = checkpoint.GetProperty("sequence").GetInt64();
        Assert.Equal(written.Output.Trim(), (await File.ReadAllLinesAsync(file)).Single());
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(key));
        }

        Assert.Equal(0, (await PasserelleCli.RunAsync(settings, null, "audit", "verify", "--checkpoints", file)).ExitCode);

        await using (var context = app.NewContext())
        {
            // An insider with SQL access removes the newest entries; what remains still links.
            var cut = await context.AuditEntries.Where(e => e.Sequence > sequence - 2).ExecuteDeleteAsync();
            Assert.True(cut >= 2);
        }

        var alone = await PasserelleCli.RunAsync(settings, null, "audit", "verify");
        var against = await PasserelleCli.RunAsync(settings, null, "audit", "verify", "--checkpoints", file);

        Assert.True(alone.ExitCode == 0, alone.Output + alone.Error);
        Assert.True(against.ExitCode == 1, against.Output + against.Error);
        Assert.Contains($"checkpoint on line 1 (entry {sequence},", against.Output, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_checkpoint_with_a_forged_signature_fails_and_the_server_writes_checkpoints_itself(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        await app.AddAgencyAsync("FR-A");
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = db.ToString(),
            ["ConnectionStrings:Passerelle"] = app.ConnectionString,
            ["Audit:CheckpointPath"] = app.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()["Audit:CheckpointPath"],
            ["Audit:CheckpointKeyPath"] = app.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()["Audit:CheckpointKeyPath"],
        };
        var file = settings["Audit:CheckpointPath"]!;
        for (var waited = 0; !(File.Exists(file) && (await File.ReadAllTextAsync(file)).EndsWith('\n')) && waited < 100; waited++)
        {
            await Task.Delay(100);
        }

        var checkpoint = JsonNode.Parse((await File.ReadAllLinesAsync(file)).First())!;
        checkpoint["signature"] = new string('0', 64);
        var forged = Path.ChangeExtension(file, ".forged.log");
        await File.WriteAllTextAsync(forged, checkpoint.ToJsonString() + "\n");

        var genuine = await PasserelleCli.RunAsync(settings, null, "audit", "verify", "--checkpoints", file);
        var refused = await PasserelleCli.RunAsync(settings, null, "audit", "verify", "--checkpoints", forged);

        Assert.True(genuine.ExitCode == 0, genuine.Output + genuine.Error);
        Assert.True(refused.ExitCode == 1, refused.Output + refused.Error);
        Assert.Contains("signature does not match", refused.Output, StringComparison.Ordinal);
    }
}
