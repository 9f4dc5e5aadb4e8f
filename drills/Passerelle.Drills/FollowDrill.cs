using System.Diagnostics;
using System.Globalization;
using Passerelle.Drills.Harness;

namespace Passerelle.Drills;

internal sealed record FollowOptions(int Rounds = 20, int FollowMilliseconds = 500, int PollMilliseconds = 10);

/// <summary>
/// Freshness across nodes: two servers on one PostgreSQL database. A record registered through node A is screened
/// on node B until B answers hit; the record withdrawn through A is screened on B until B answers clear. The delay
/// runs from A's answer to B's first answer that shows the change, so it includes one poll and one screening. A hit
/// waits for B's register follower; a withdrawal does not, since B reads a candidate back from the database, which
/// decides.
/// </summary>
internal static class FollowDrill
{
    /// <summary>DESIGN.md: a record written on one node is screened on every node within 2 seconds.</summary>
    private const double GoalSeconds = 2;

    public static async Task<DrillReport> RunAsync(FollowOptions options)
    {
        var report = new DrillReport($"freshness across two nodes on one PostgreSQL ({options.Rounds} rounds)");
        await using var workspace = await Workspace.CreateAsync(DrillDatabase.PostgreSql, durable: true);
        var world = await DrillWorld.CreateAsync(workspace);
        var follow = new Dictionary<string, string?>
        {
            ["Register:FollowMilliseconds"] = options.FollowMilliseconds.ToString(CultureInfo.InvariantCulture),
        };
        var a = await workspace.StartServerAsync("node-a", follow);
        var b = await workspace.StartServerAsync("node-b", follow);
        using var nodeA = new DrillClient(a.Url, world.Token);
        using var nodeB = new DrillClient(b.Url, world.Token);
        var registered = new List<double>();
        var withdrawn = new List<double>();
        var run = Random.Shared.Next(100_000, 999_999);
        for (var round = 1; round <= options.Rounds; round++)
        {
            // A pause of a random part of the interval, so that rounds do not fall in step with node B's timer.
            await Task.Delay(Random.Shared.Next(options.FollowMilliseconds));
            var number = $"FW{run}{round:D3}";
            var register = await nodeA.RegisterAsync(number, "FRA");
            var since = Stopwatch.StartNew();
            Checks.Require(register.Status == 201, $"node A did not register {number}: {register} {register.Detail}");
            registered.Add(await UntilAsync(nodeB, number, "hit", since, options.PollMilliseconds));

            var withdraw = await nodeA.WithdrawAsync(Guid.Parse(register.Json.GetProperty("id").GetString()!));
            since.Restart();
            Checks.Require(withdraw.Ok, $"node A did not withdraw {number}: {withdraw} {withdraw.Detail}");
            withdrawn.Add(await UntilAsync(nodeB, number, "clear", since, options.PollMilliseconds));
        }

        Summarise(report, "registration → hit on the other node", registered);
        Summarise(report, "withdrawal → clear on the other node", withdrawn);
        report.Figure("Register:FollowMilliseconds",
            $"{options.FollowMilliseconds}; node B polled every {options.PollMilliseconds} ms");
        report.Check(registered.Concat(withdrawn).All(s => s <= GoalSeconds),
            $"a change took longer than {GoalSeconds} s to reach the other node");
        return report;
    }

    private static void Summarise(DrillReport report, string what, List<double> seconds)
    {
        var sorted = seconds.Order().ToList();
        report.Figure(what, $"median {OpenLoad.Quantile(sorted, 0.50) * 1000:F0} ms, "
            + $"p95 {OpenLoad.Quantile(sorted, 0.95) * 1000:F0} ms, min {sorted[0] * 1000:F0} ms, "
            + $"max {sorted[^1] * 1000:F0} ms over {sorted.Count} rounds");
    }

    /// <summary>Screens on the node until it answers <paramref name="wanted"/>; returns the seconds since.</summary>
    private static async Task<double> UntilAsync(
        DrillClient node, string number, string wanted, Stopwatch since, int pollMilliseconds)
    {
        for (var poll = 0; since.Elapsed < TimeSpan.FromSeconds(30); poll++)
        {
            var reply = await node.ScreenAsync(number, "FRA", $"follow-{number}-{poll}");
            Checks.Require(reply.Status == 200, $"node B did not screen: {reply} {reply.Detail}");
            if (reply.Json.GetProperty("result").GetString() == wanted)
            {
                return since.Elapsed.TotalSeconds;
            }

            await Task.Delay(pollMilliseconds);
        }

        throw new InvalidOperationException($"node B never answered {wanted} for {number} within 30 s");
    }
}
