using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Passerelle.Core.Backup;
using Passerelle.Core.Data;
using Passerelle.Core.Pictures;
using Passerelle.Core.Trust.Access;
using Passerelle.Core.Trust.Agencies;
using Passerelle.Core.Trust.Audit;
using Passerelle.IntegrationTests.Support;

namespace Passerelle.IntegrationTests.Backup;

/// <summary>
/// A server with something of everything a backup must carry: an owner's register records, a rights holder's
/// published sheet with pictures in the blob store, and the people and tokens who wrote them.
/// </summary>
public sealed class BackupWorld
{
    private int next;

    private BackupWorld(TestApp app) => App = app;

    public TestApp App { get; }

    public HttpClient Police { get; private set; } = null!;

    public HttpClient Brand { get; private set; } = null!;

    public string OfficerToken { get; private set; } = "";

    public Guid Product { get; private set; }

    public string BlobFolder => App.Services.GetRequiredService<IConfiguration>()["Blobs:Path"]!;

    /// <summary>How the command line reaches this server's database and blob store.</summary>
    public Dictionary<string, string?> Cli => new()
    {
        ["Database:Provider"] = App.Db.ToString(),
        ["ConnectionStrings:Passerelle"] = App.ConnectionString,
        ["Blobs:Path"] = BlobFolder,
    };

    public static async Task<BackupWorld> BuildAsync(TestApp app)
    {
        await app.AddAgencyAsync("FR-POLICE", "police");
        await app.AddAgencyAsync("FR-DOUANE", "customs");
        await app.AddAgencyAsync("RH-LUMIERE", "rights-holder");
        await app.RunAsync<VerifyRightsHolder, AgencySummary>(
            h => h.HandleAsync(Actor.Console(), "RH-LUMIERE", "Checked.", default));
        await app.AddUserAsync("FR-POLICE", "police.coord", "coordinator");
        await app.AddUserAsync("FR-DOUANE", "douane.officer", "officer");
        await app.AddUserAsync("RH-LUMIERE", "lumiere.brand", "rights-holder");
        var world = new BackupWorld(app)
        {
            Police = app.ClientWithToken(await app.TokenAsync("police.coord")),
            Brand = app.ClientWithToken(await app.TokenAsync("lumiere.brand")),
            OfficerToken = await app.TokenAsync("douane.officer"),
        };
        var product = await world.Brand.PostAsJsonAsync(
            "/api/v1/products", new { brand = "Lumière", name = "Eau de parfum", gtins = new[] { "6291041500213" } });
        world.Product = (await product.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await world.Brand.PostAsync($"/api/v1/products/{world.Product}/publish", null)).EnsureSuccessStatusCode();
        return world;
    }

    public async Task<string> RegisterAsync()
    {
        var number = $"BK{Interlocked.Increment(ref next):D6}";
        var response = await Police.PostAsJsonAsync("/api/v1/documents", new
        {
            documentNumber = number,
            issuingState = "UTO",
            documentType = "passport",
            status = "stolen",
            theftOrLossOn = "2026-10-01",
            holderName = "ERIKSSON ANNA MARIA",
            holderBirthDate = "1974-08-12",
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return number;
    }

    public async Task<Guid> AddPictureAsync(int size = 48)
    {
        var response = await Brand.PostAsync(
            $"/api/v1/products/{Product}/pictures", new ByteArrayContent(Pictures.Png(size, size)));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>
    /// The backup as the command line runs it, but in this process, so a test can act once the database is copied.
    /// </summary>
    internal BackupDatabase Backup(Action<string> snapshotted) => new(
        App.Services.GetRequiredService<IOptions<DatabaseOptions>>(),
        App.Services.GetRequiredService<IBlobStore>(),
        App.Services.GetRequiredService<AuditWriter>(),
        App.Services.GetRequiredService<TimeProvider>())
    {
        Snapshotted = snapshotted,
    };

    /// <summary>Settings for a new, empty place to restore into: a folder that does not exist yet.</summary>
    public static (Dictionary<string, string?> Settings, string Root, string Database, string Blobs) EmptyPlace()
    {
        var root = Path.Combine(Path.GetTempPath(), $"passerelle-restore-{Guid.NewGuid():N}");
        var database = Path.Combine(root, "data", "passerelle.db");
        var blobs = Path.Combine(root, "data", "blobs");
        return (new()
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Passerelle"] = $"Data Source={database}",
            ["Blobs:Path"] = blobs,
        }, root, database, blobs);
    }

    public static string ArchivePath() => Path.Combine(Path.GetTempPath(), $"passerelle-backup-{Guid.NewGuid():N}.tar");
}
