using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Passerelle.Core.Pictures;
using Passerelle.Core.Trust.Access;
using Passerelle.Core.Trust.Agencies;
using Passerelle.IntegrationTests.Support;

namespace Passerelle.IntegrationTests.Reliability;

/// <summary>
/// A blob store whose disk is full: the upload is answered 507 <c>storage.full</c> with a message, no picture row is
/// left naming a file that is not there, and the next upload succeeds once there is room again. The drill
/// <c>drills/full-disk.sh</c> does the same on a real, filled file system.
/// </summary>
public sealed class FullDiskTests
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_full_disk_under_the_blobs_answers_507_writes_nothing_and_service_resumes_with_space(Db db)
    {
        var disk = new FillableDisk();
        await using var app = await TestApp.StartAsync(db, replace: services =>
            services.Replace(ServiceDescriptor.Singleton<IBlobStore>(disk)));
        await app.AddAgencyAsync("RH-LUMIERE", "rights-holder");
        await app.RunAsync<VerifyRightsHolder, AgencySummary>(h => h.HandleAsync(Actor.Console(), "RH-LUMIERE", "Checked.", default));
        await app.AddUserAsync("RH-LUMIERE", "lumiere.brand", "rights-holder");
        var brand = app.ClientWithToken(await app.TokenAsync("lumiere.brand"));
        var product = (await (await brand.PostAsJsonAsync("/api/v1/products", new { brand = "Lumière", name = "Eau de parfum", gtins = new[] { "6291041500213" } }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        // Room for the picture, not for its thumbnail: the disk fills halfway through.
        disk.RoomFor = 1;
        var refused = await brand.PostAsync($"/api/v1/products/{product}/pictures", new ByteArrayContent(Pictures.Png(64, 64)));
        var leftAfterRefusal = disk.Keys.ToList();
        disk.RoomFor = int.MaxValue;
        var stored = await brand.PostAsync($"/api/v1/products/{product}/pictures", new ByteArrayContent(Pictures.Png(64, 64)));

        Assert.Equal(HttpStatusCode.InsufficientStorage, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("storage.full", problem.GetProperty("code").GetString());
        Assert.Contains("nothing was changed", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(leftAfterRefusal);
        Assert.Equal(HttpStatusCode.Created, stored.StatusCode);
        await using var context = app.NewContext();
        var keys = await context.Pictures.Select(p => p.Id).ToListAsync();
        Assert.Single(keys);
        Assert.All(disk.Keys, key => Assert.StartsWith(keys[0].ToString("N"), key, StringComparison.Ordinal));
    }

    /// <summary>Stores in memory up to <see cref="RoomFor"/> files, then refuses as a full disk does: ENOSPC, errno 28.</summary>
    private sealed class FillableDisk : IBlobStore
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte[]> blobs = new();

        public int RoomFor { get; set; } = int.MaxValue;

        public IEnumerable<string> Keys => blobs.Keys;

        public Task PutAsync(string key, ReadOnlyMemory<byte> content, CancellationToken ct)
        {
            if (blobs.Count >= RoomFor)
            {
                throw new IOException("No space left on device", 28);
            }

            blobs[key] = content.ToArray();
            return Task.CompletedTask;
        }

        public Task<byte[]?> GetAsync(string key, CancellationToken ct) =>
            Task.FromResult(blobs.TryGetValue(key, out var found) ? found : null);

        public Task DeleteAsync(string key, CancellationToken ct)
        {
            blobs.TryRemove(key, out _);
            return Task.CompletedTask;
        }
    }
}
