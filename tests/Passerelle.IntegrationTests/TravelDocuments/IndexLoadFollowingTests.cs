using Microsoft.EntityFrameworkCore;
using Passerelle.Core.Data;
using Passerelle.Core.TravelDocuments;
using Passerelle.Core.Trust.Access;
using Passerelle.Core.Trust.Audit;
using Passerelle.IntegrationTests.Support;

namespace Passerelle.IntegrationTests.TravelDocuments;

/// <summary>
/// Writes that land while a node loads its screening index: none is lost between the load and the follower that
/// takes over from the load's high-water mark.
/// </summary>
public sealed class IndexLoadFollowingTests
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

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
        var added = RegisterRecords.Record(
            owner, "NEW000001", "FRA", DocumentType.Passport, DocumentStatus.Stolen, Today.AddYears(5));
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

    /// <summary>
    /// Two nodes on one database: a record the other node registered, at a lower change sequence than a change this
    /// node then commits itself, is still screened here once the follower catches up. Applying its own change used to
    /// move the follower's place past the other node's, which was then never read.
    /// </summary>
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_change_this_node_commits_does_not_make_it_skip_an_earlier_change_of_another_node(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var world = await RegisterWorld.BuildAsync(app);
        var index = new ScreeningIndex();
        await using var reading = app.NewContext();
        var follower = new FollowRegister(reading, index, TimeProvider.System);
        await follower.LoadAsync(default);

        // The app's writes stand for the other node's: they reach this index only through its follower.
        await world.RegisterAsync("OTHER0001", "FRA");
        var mine = await world.RegisterAsync("MINE00001", "FRA");
        await using (var context = app.NewContext())
        {
            DocumentWriter.ApplyOwn(index, await context.TravelDocuments.SingleAsync(d => d.Id == mine));
        }

        await follower.CatchUpAsync(default);

        Assert.Equal(1, index.Candidates("MINE00001", "FRA", Today));
        Assert.Equal(1, index.Candidates("OTHER0001", "FRA", Today));
    }
}
