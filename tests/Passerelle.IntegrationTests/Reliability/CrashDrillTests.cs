using Passerelle.Drills;
using Passerelle.Drills.Harness;
using Passerelle.IntegrationTests.Support;

namespace Passerelle.IntegrationTests.Reliability;

/// <summary>
/// The drills of <c>drills/</c>, shortened to fit a test run: the real server and CLI as processes, killed with
/// SIGKILL, on a database of their own (a PostgreSQL cluster of each test's own, since the drills stop it).
/// </summary>
public sealed class CrashDrillTests
{
    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Every_screening_answered_before_a_kill_9_has_its_audit_entry_after_restart(Db db)
    {
        RequirePostgresFor(db);
        var report = await Kill9ScreeningDrill.RunAsync(
            new Kill9ScreeningOptions(Drill(db), Rounds: 1, LoadSeconds: 3, Workers: 8, Registered: 200));
        Assert.True(report.Passed, report.ToString());
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task An_import_killed_midway_leaves_whole_batches_and_its_rerun_completes_without_duplicates(Db db)
    {
        RequirePostgresFor(db);
        var report = await Kill9ImportDrill.RunAsync(
            new Kill9ImportOptions(Drill(db), Records: 100_000, KillAfterBatches: 1));
        Assert.True(report.Passed, report.ToString());
    }

    /// <summary>The script holds service to 5 s after the database's return; a test allows a busy machine 30.</summary>
    [Fact]
    public async Task A_postgres_crash_under_load_answers_503_never_500_and_service_returns_with_the_database()
    {
        RequirePostgresFor(Db.PostgreSql);
        var report = await PostgresOutageDrill.RunAsync(new PostgresOutageOptions(
            BeforeSeconds: 2, OutageSeconds: 3, AfterSeconds: 1, RecoveryBoundSeconds: 30,
            Workers: 8, Registered: 200));
        Assert.True(report.Passed, report.ToString());
    }

    /// <summary>
    /// A real file system filled to the brim: a 20 MB tmpfs under the SQLite file and the blob store. Mounting one
    /// needs root, which CI has.
    /// </summary>
    [Fact]
    public async Task A_full_disk_answers_507_takes_the_node_out_of_rotation_and_service_resumes_with_space()
    {
        if (!Environment.IsPrivilegedProcess)
        {
            Assert.Skip("Mounting the drill's tmpfs needs root; run the tests as root, as CI does.");
        }

        var report = await FullDiskDrill.RunAsync(new FullDiskOptions());
        Assert.True(report.Passed, report.ToString());
    }

    private static DrillDatabase Drill(Db db) => db == Db.PostgreSql ? DrillDatabase.PostgreSql : DrillDatabase.Sqlite;

    private static void RequirePostgresFor(Db db)
    {
        if (db != Db.PostgreSql || ThrowawayPostgres.Installed)
        {
            return;
        }

        const string why = "PostgreSQL is not installed: no initdb on PATH or under /usr/lib/postgresql/*/bin.";
        if (PostgresCluster.Required)
        {
            throw new InvalidOperationException(why + " PASSERELLE_REQUIRE_POSTGRES=1 makes this a failure.");
        }

        Assert.Skip(why + " Install postgresql, or set PASSERELLE_REQUIRE_POSTGRES=1 to fail instead of skipping.");
    }
}
