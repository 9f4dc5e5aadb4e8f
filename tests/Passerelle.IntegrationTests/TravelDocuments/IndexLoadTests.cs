using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Passerelle.Core.Data;
using Passerelle.Core.TravelDocuments;
using Passerelle.Core.Trust.Access;
using Passerelle.Core.Trust.Audit;
using Passerelle.IntegrationTests.Support;

namespace Passerelle.IntegrationTests.TravelDocuments;

/// <summary>
/// The screening index a node loads at start-up: the same answers as the node that wrote the register, and nothing
/// lost between the load and the follower that takes over from it.
/// </summary>
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
        var records = Enumerable.Range(0, 3000).Select(i => Record(
            owners[i % 2], Number(i), states[i % 4], (DocumentType)(i % 3),
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

    /// <summary>
    /// Changes in a transaction still open while the index loads are not in the load; once they commit, the follower
    /// takes them from the load's high-water mark, so the index then holds them, whatever they were.
    /// </summary>
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Changes_committed_while_the_index_loads_are_screened_once_the_follower_catches_up(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var world = await RegisterWorld.BuildAsync(app);
        await world.RegisterAsync("KEEP00001", "FRA");
        var deleted = await world.RegisterAsync("GONE00001", "FRA");
        var recovered = await world.RegisterAsync("BACK00001", "FRA");

        await using var scope = app.Services.CreateAsyncScope();
        var writing = scope.ServiceProvider.GetRequiredService<PasserelleDb>();
        var writer = scope.ServiceProvider.GetRequiredService<DocumentWriter>();
        await using var transaction = await writing.Database.BeginTransactionAsync();
        var owner = (await writing.TravelDocuments.SingleAsync(d => d.Id == deleted)).OwnerAgencyId;
        var added = Record(owner, "NEW000001", "FRA", DocumentType.Passport, DocumentStatus.Stolen, Today.AddYears(5));
        writing.TravelDocuments.Add(added);
        await writer.SaveAsync(added, Actor.Console(), AuditEvent.DocumentRegistered, "created", [], default);
        var gone = await writing.TravelDocuments.SingleAsync(d => d.Id == deleted);
        (gone.DeletedAt, gone.DeletionReason, gone.Version) = (DateTime.UtcNow, "Entered in error", gone.Version + 1);
        await writer.SaveAsync(gone, Actor.Console(), AuditEvent.DocumentDeleted, "deleted", [], default);
        var back = await writing.TravelDocuments.SingleAsync(d => d.Id == recovered);
        (back.Status, back.Version) = (DocumentStatus.Recovered, back.Version + 1);
        await writer.SaveAsync(back, Actor.Console(), AuditEvent.DocumentChanged, "recovered", [], default);

        var index = new ScreeningIndex();
        await using var reading = app.NewContext();
        var follower = new FollowRegister(reading, index, TimeProvider.System) { MinimumPagesPerRange = 1 };
        await follower.LoadAsync(default);
        int[] Screen() => [.. new[] { "KEEP00001", "GONE00001", "BACK00001", "NEW000001" }
            .Select(n => index.Candidates(n, "FRA", Today))];
        var whileOpen = Screen();
        await transaction.CommitAsync();
        await follower.CatchUpAsync(default);

        Assert.Equal([1, 1, 1, 0], whileOpen);
        Assert.Equal([1, 0, 0, 1], Screen());
    }

    /// <summary>
    /// Documents registered one after another while the index is loaded again and again: every load, once its
    /// follower has caught up after the last registration, screens every one of them.
    /// </summary>
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Records_registered_during_loads_are_all_screened_once_each_load_has_caught_up(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var world = await RegisterWorld.BuildAsync(app);
        var numbers = Enumerable.Range(0, 24).Select(i => $"RUN{i:D6}").ToList();
        var registering = Task.Run(async () =>
        {
            foreach (var number in numbers)
            {
                await world.RegisterAsync(number, "FRA");
            }
        });
        var followers = new List<(ScreeningIndex Index, PasserelleDb Context)>();
        while (!registering.IsCompleted || followers.Count == 0)
        {
            var index = new ScreeningIndex();
            var context = app.NewContext();
            await new FollowRegister(context, index, TimeProvider.System).LoadAsync(default);
            followers.Add((index, context));
            await Task.Delay(10);
        }

        await registering;
        foreach (var (index, context) in followers)
        {
            await new FollowRegister(context, index, TimeProvider.System).CatchUpAsync(default);
            await context.DisposeAsync();
            Assert.All(numbers, n => Assert.Equal(1, index.Candidates(n, "FRA", Today)));
        }
    }

    private static string Number(int i)
    {
        var number = $"N{i % 1499:D6}";
        return i % 5 == 0 ? number.Replace('0', 'O') : number;
    }

    private static TravelDocument Record(
        Guid owner, string number, string state, DocumentType type, DocumentStatus status, DateOnly reviewOn,
        bool deleted = false, long sequence = 0) => new()
        {
            Id = Guid.CreateVersion7(),
            OwnerAgencyId = owner,
            Number = number,
            NormalizedNumber = number,
            FoldedNumber = DocumentNames.Fold(number),
            IssuingState = state,
            Type = type,
            Status = status,
            ReportedOn = Today.AddYears(-1),
            ReviewOn = reviewOn,
            Version = 1,
            CreatedAt = DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow,
            DeletedAt = deleted ? DateTime.UtcNow : null,
            DeletionReason = deleted ? "Entered in error" : null,
            ChangeSequence = sequence,
        };
}
