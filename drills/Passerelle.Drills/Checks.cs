using Passerelle.Drills.Harness;

namespace Passerelle.Drills;

/// <summary>The checks several drills end with, and the guard for a drill that cannot go on.</summary>
internal static class Checks
{
    /// <summary>Every answer given 200 has its audit entry, found by the unique location the request carried.</summary>
    public static async Task EveryAnswerAuditedAsync(
        DrillReport report, Workspace workspace, IReadOnlyCollection<Answer> answered, IEnumerable<string> tags)
    {
        var audited = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            audited.UnionWith(await Evidence.AuditedLocationsAsync(workspace, tag));
        }

        var missing = answered.Where(a => !audited.Contains(a.Location)).ToList();
        report.Figure("answered (200)", $"{answered.Count}");
        report.Figure("answered and audited", $"{answered.Count - missing.Count}");
        report.Figure("audited but not answered 200", $"{audited.Count - (answered.Count - missing.Count)}");
        report.Check(answered.Count > 0, "no screening was answered: the drill proved nothing");
        report.Check(missing.Count == 0, $"{missing.Count} screenings answered 200 have no audit entry, such as "
            + string.Join(", ", missing.Take(5).Select(m => $"{m.Location} at {DrillReport.Seconds(m.AnsweredAt)}")));
    }

    /// <summary><c>passerelle audit verify</c> recomputes the chain and exits 0 when it is whole.</summary>
    public static async Task AuditVerifiesAsync(DrillReport report, Workspace workspace)
    {
        var verify = await workspace.RunAsync(null, "audit", "verify");
        report.Figure("audit verify", $"exit {verify.ExitCode}: {verify.Output.Trim()}");
        report.Check(verify.ExitCode == 0, $"audit verify failed: {verify.Output} {verify.Error}");
    }

    /// <summary>Stops a drill whose set-up failed: it has nothing to judge.</summary>
    public static void Require(bool holds, string why)
    {
        if (!holds)
        {
            throw new InvalidOperationException(why);
        }
    }
}
