using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Passerelle.IntegrationTests.Support;

namespace Passerelle.IntegrationTests.Audit;

/// <summary>Junk bearer tokens are audited as a count per address and minute, so they cannot flood the trail.</summary>
public sealed class TokenRefusalAuditTests
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Two_hundred_junk_tokens_from_one_address_make_two_entries_that_count_them_all(Db db)
    {
        var time = new AdjustableTime();
        await using var app = await TestApp.StartAsync(db, replace: services => services.AddSingleton<TimeProvider>(time));
        // Starting at the top of a minute, so all 200 fall in it however slow the machine.
        time.Advance(TimeSpan.FromMinutes(1) - TimeSpan.FromTicks(time.GetUtcNow().Ticks % TimeSpan.TicksPerMinute));
        var junk = app.ClientWithToken("not-a-token");
        var unknown = app.ClientWithToken("psl_" + new string('A', 43));
        for (var i = 0; i < 200; i++)
        {
            var response = await (i % 2 == 0 ? junk : unknown).GetAsync("/api/v1/me");
            Assert.Equal(401, (int)response.StatusCode);
        }

        int duringTheMinute;
        await using (var context = app.NewContext())
        {
            duringTheMinute = await context.AuditEntries.CountAsync(e => e.Operation.StartsWith("token.reject"));
        }

        time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(401, (int)(await junk.GetAsync("/api/v1/me")).StatusCode);
        await app.DisposeAsync();

        await using var after = app.NewContext();
        var entries = await after.AuditEntries.Where(e => e.Operation.StartsWith("token.reject")).OrderBy(e => e.Sequence)
            .Select(e => new { e.Operation, e.Details }).ToListAsync();
        Assert.Equal(1, duringTheMinute);
        Assert.Equal(["token.rejected", "token.rejections-counted", "token.rejected"], entries.Select(e => e.Operation));
        var count = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(entries[1].Details!)!;
        Assert.Equal((200, 100, 100), (count["rejected"].GetInt32(), count["malformed"].GetInt32(), count["unknown"].GetInt32()));
    }
}
