using Passerelle.Drills.Harness;

namespace Passerelle.Drills;

/// <param name="Rounds">How many times the server is started, loaded and killed.</param>
/// <param name="LoadSeconds">Screening load before each kill.</param>
internal sealed record Kill9ScreeningOptions(
    DrillDatabase Database, int Rounds = 3, double LoadSeconds = 10, int Workers = 16, int Registered = 1_000);

/// <summary>
/// <c>kill -9</c> of the server under screening load. A screening is answered only once its audit entry is durable,
/// so after a restart every request answered 200 must find its entry, by the unique location it carried, and the
/// chain must verify. Requests cut off by the kill were never answered and may or may not have their entry.
/// </summary>
internal static class Kill9ScreeningDrill
{
    public static async Task<DrillReport> RunAsync(Kill9ScreeningOptions options)
    {
        var report = new DrillReport($"kill -9 under screening load ({options.Database})");
        await using var workspace = await Workspace.CreateAsync(options.Database);
        var world = await DrillWorld.CreateAsync(workspace);
        var answered = new List<Answer>();
        var tags = new List<string>();
        for (var round = 1; round <= options.Rounds; round++)
        {
            var server = await workspace.StartServerAsync();
            if (round == 1)
            {
                await world.LoadRegisterAsync(server, options.Registered);
            }

            var load = ScreeningLoad.Start(server.Url, world.Token, options.Workers,
                i => Synthetic.Screened(i, options.Registered, hitEvery: 10));
            tags.Add(load.Tag);
            await Task.Delay(TimeSpan.FromSeconds(options.LoadSeconds));
            var killedAt = load.Now;
            server.Kill();
            // Long enough for every request in flight to fail and a few more to be refused.
            await Task.Delay(500);
            var answers = await load.StopAsync();
            await load.DisposeAsync();
            answered.AddRange(answers.Where(a => a.Status == 200));
            var before = answers.Where(a => a.SentAt < killedAt).ToList();
            report.Figure($"round {round}", $"killed after {DrillReport.Seconds(killedAt)}; {before.Count} sent before "
                + $"the kill: {Tally.Of(before)} (no answer: cut off by the kill)");
            report.Check(answers.All(a => a.Status is 0 or 200),
                $"round {round}: answers other than 200: {Tally.Of(answers.Where(a => a.Status is not (0 or 200)))}");
        }

        // Service after the last kill: the restarted server answers, and that answer is audited like the rest.
        var restarted = await workspace.StartServerAsync();
        var after = $"{tags[^1]}-after";
        using (var client = new DrillClient(restarted.Url, world.Token))
        {
            var reply = await client.ScreenAsync(Synthetic.Number(3), Synthetic.State(3), after);
            report.Check(reply.Status == 200, $"the restarted server did not screen: {reply}");
            if (reply.Status == 200)
            {
                answered.Add(new Answer(0, after, 200, null, 0, 0));
            }
        }

        var exit = await restarted.StopAsync(TimeSpan.FromSeconds(60));
        report.Figure("restarted server stopped by SIGTERM", $"exit code {exit}");
        await Checks.EveryAnswerAuditedAsync(report, workspace, answered, tags);
        await Checks.AuditVerifiesAsync(report, workspace);
        return report;
    }
}
