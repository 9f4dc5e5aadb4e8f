using Passerelle.Drills.Harness;

namespace Passerelle.Drills;

/// <param name="OutageSeconds">How long PostgreSQL stays down.</param>
/// <param name="RecoveryBoundSeconds">How soon after PostgreSQL is back a screening must be answered 200.</param>
internal sealed record PostgresOutageOptions(
    double BeforeSeconds = 3, double OutageSeconds = 5, double AfterSeconds = 3, double RecoveryBoundSeconds = 5,
    int Workers = 16, int Registered = 1_000);

/// <summary>
/// PostgreSQL stopped with <c>pg_ctl -m immediate stop</c> under screening load, then started again (crash recovery).
/// Every answer is 200 or 503 <c>database.unavailable</c>, never a 500, and the outage is seen as 503s; the first 200
/// comes within the bound after the database is back; every screening answered 200 has its audit entry (so a 200 just
/// as PostgreSQL went down is one whose entry committed before it did); the chain verifies.
/// </summary>
internal static class PostgresOutageDrill
{
    private const string Unavailable = "database.unavailable";

    public static async Task<DrillReport> RunAsync(PostgresOutageOptions options)
    {
        var report = new DrillReport("PostgreSQL immediate stop under screening load");
        await using var workspace = await Workspace.CreateAsync(DrillDatabase.PostgreSql);
        var world = await DrillWorld.CreateAsync(workspace);
        var server = await workspace.StartServerAsync();
        await world.LoadRegisterAsync(server, options.Registered);

        await using var load = ScreeningLoad.Start(server.Url, world.Token, options.Workers,
            i => Synthetic.Screened(i, options.Registered, hitEvery: 10));
        await Task.Delay(TimeSpan.FromSeconds(options.BeforeSeconds));
        var stopping = load.Now;
        await workspace.Postgres!.StopImmediatelyAsync();
        var down = load.Now;
        await Task.Delay(TimeSpan.FromSeconds(options.OutageSeconds));
        var starting = load.Now;
        await workspace.Postgres.StartAgainAsync();
        var back = load.Now;
        var first = await load.WaitForAsync(a => a.Status == 200 && a.AnsweredAt > back,
            TimeSpan.FromSeconds(Math.Max(30, options.RecoveryBoundSeconds * 2)));
        var recovered = first?.AnsweredAt - back;
        await Task.Delay(TimeSpan.FromSeconds(options.AfterSeconds));
        var answers = await load.StopAsync();

        var end = first?.AnsweredAt ?? double.MaxValue;
        IEnumerable<Answer> Between(double from, double to) =>
            answers.Where(a => a.AnsweredAt > from && a.AnsweredAt <= to);
        string At(double? seconds) => seconds is { } s ? DrillReport.Seconds(s) : "never";
        report.Figure("timeline", $"stop sent at {At(stopping)}, PostgreSQL down at {At(down)}; start sent at "
            + $"{At(starting)}, accepting connections at {At(back)}; first 200 after that at {At(first?.AnsweredAt)}");
        report.Figure("answers before the stop", Tally.Of(Between(double.MinValue, stopping)));
        report.Figure("answers while PostgreSQL stopped", Tally.Of(Between(stopping, down)));
        report.Figure("answers while PostgreSQL was down", Tally.Of(Between(down, back)));
        report.Figure("answers from its return to the first 200", Tally.Of(Between(back, end).Where(a => a != first)));
        report.Figure("answers from the first 200 on", Tally.Of(answers.Where(a => a.AnsweredAt >= end)));
        report.Figure("all answers", Tally.Of(answers));
        report.Figure("from PostgreSQL accepting connections to the first 200", At(recovered));

        var unexpected = answers.Where(a => a.Status != 200 && !(a.Status == 503 && a.Code == Unavailable)).ToList();
        report.Check(answers.All(a => a.Status != 500), $"{answers.Count(a => a.Status == 500)} answers were 500");
        report.Check(unexpected.Count == 0, $"answers other than 200 and 503 {Unavailable}: {Tally.Of(unexpected)}");
        report.Check(answers.Any(a => a.Status == 503 && a.AnsweredAt > down),
            "no answer saw the outage as 503: the drill proved nothing");
        report.Check(recovered <= options.RecoveryBoundSeconds, $"the first 200 came {At(recovered)} after PostgreSQL "
            + $"was back, beyond the bound of {At(options.RecoveryBoundSeconds)}");
        await Checks.EveryAnswerAuditedAsync(report, workspace, [.. answers.Where(a => a.Status == 200)], [load.Tag]);
        await Checks.AuditVerifiesAsync(report, workspace);
        return report;
    }
}
