using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Passerelle.Core.TravelDocuments;
using Passerelle.IntegrationTests.Support;

namespace Passerelle.IntegrationTests.TravelDocuments;

/// <summary>The screening index a node loads at start-up answers as the node that wrote the register.</summary>
public sealed class IndexLoadTests
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_node_started_on_a_register_screens_every_number_as_the_node_that_wrote_it(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var world = await RegisterWorld.BuildAsync(app);
        await world.RegisterAsync("L898902C3");
        await world.RegisterAsync("AB1234567", "FRA");
        await world.RegisterAsync("AB1234567", "FRA", owner: world.OtherCoordinator);
        var withdrawn = await world.RegisterAsync("CD7654321", "FRA");
        await world.RegisterAsync("CD7654321", "FRA", owner: world.OtherCoordinator);
        var deleted = await world.RegisterAsync("DEL000001", "FRA");
        var recovered = await world.RegisterAsync("REC000001", "FRA");
        var due = await world.RegisterAsync("DUE000001", "FRA");
        foreach (var id in new[] { withdrawn, deleted })
        {
            (await world.PoliceCoordinator.DeleteAsync($"/api/v1/documents/{id}?reason=Entered%20in%20error"))
                .EnsureSuccessStatusCode();
        }

        (await world.PoliceCoordinator.PatchAsJsonAsync($"/api/v1/documents/{recovered}", new { status = "recovered" }))
            .EnsureSuccessStatusCode();
        var yesterday = new { reviewOn = Today.AddDays(-1) };
        (await world.PoliceCoordinator.PatchAsJsonAsync($"/api/v1/documents/{due}", yesterday))
            .EnsureSuccessStatusCode();

        await using var node = await TestApp.StartNodeAsync(app);
        var officerOnNode = node.ClientWithToken(await node.TokenAsync("douane.officer", "documents:screen"));
        (string Number, string? State, string Result)[] expected =
        [
            ("L898902C3", "UTO", "hit"), ("L8989O2C3", "UTO", "possible"), ("L898902C3", null, "possible"),
            ("L898902C3", "BEL", "clear"), ("AB1234567", "FRA", "hit"), ("CD7654321", "FRA", "hit"),
            ("DEL000001", "FRA", "clear"), ("REC000001", "FRA", "clear"), ("DUE000001", "FRA", "clear"),
            ("ZZ9999999", "FRA", "clear"),
        ];

        async Task<List<string?>> ScreenAllAsync(HttpClient officer)
        {
            var results = new List<string?>();
            foreach (var (number, state, _) in expected)
            {
                var answer = await RegisterWorld.ScreenAsync(officer,
                    new { documentNumber = number, issuingState = state, purpose = "border-check" });
                results.Add(answer.GetProperty("result").GetString());
            }

            return results;
        }

        Assert.Equal(expected.Select(e => e.Result), await ScreenAllAsync(officerOnNode));
        Assert.Equal(expected.Select(e => e.Result), await ScreenAllAsync(world.CustomsOfficer));
    }

    /// <summary>
    /// A register of a few hundred pages, read in ranges on PostgreSQL, holds for every number the candidates an
    /// index holds that applied every record one change at a time, as the follower does.
    /// </summary>
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_index_read_in_ranges_holds_what_applying_every_record_holds(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        await using var context = app.NewContext();
        await app.AddAgencyAsync("FR-POLICE", "police");
        await app.AddAgencyAsync("BE-POLICE", "police", "BEL");
        var owners = await context.Agencies.Where(a => a.Code == "FR-POLICE" || a.Code == "BE-POLICE")
            .OrderBy(a => a.Code).Select(a => a.Id).ToListAsync();
        var states = new[] { "FRA", "D", "UTO", "BEL" };
        // Numbers repeat across states, types and owners, never within one key; a fifth of them have an O for a 0.
        var records = Enumerable.Range(0, 3000).Select(i => RegisterRecords.Record(
            owners[i % 2], RegisterRecords.Number(i), states[i % 4], (DocumentType)(i % 3),
            status: i % 11 == 0 ? DocumentStatus.Recovered : DocumentStatus.Stolen,
            reviewOn: i % 13 == 0 ? Today.AddDays(-1) : Today.AddYears(5),
            deleted: i % 7 == 0,
            sequence: i + 1)).ToList();
        context.TravelDocuments.AddRange(records);
        await context.SaveChangesAsync();

        var loaded = new ScreeningIndex();
        await using var reading = app.NewContext();
        var count = await new FollowRegister(reading, loaded, TimeProvider.System) { MinimumPagesPerRange = 1 }
            .LoadAsync(default);
        var applied = new ScreeningIndex();
        foreach (var record in records)
        {
            DocumentWriter.Apply(applied, record);
        }

        Assert.Equal(records.Count(r => Screenable.IsLive(r) && r.ReviewOn >= Today), count);
        Assert.Equal(records.Count, loaded.Sequence);
        foreach (var number in records.Select(r => r.NormalizedNumber).Distinct())
        {
            foreach (var state in states.Append(null))
            {
                Assert.Equal(applied.Candidates(number, state, Today), loaded.Candidates(number, state, Today));
            }
        }
    }
}
