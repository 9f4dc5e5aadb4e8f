using Passerelle.Drills.Harness;

namespace Passerelle.Drills;

/// <param name="SizeMegabytes">The size of the tmpfs that holds the SQLite file and the blob store.</param>
/// <param name="RoomMegabytes">What the filler leaves free before pictures are uploaded.</param>
internal sealed record FullDiskOptions(int SizeMegabytes = 20, int RoomMegabytes = 2);

/// <summary>
/// A full disk under the SQLite file and the blob store: a small tmpfs, filled with a file, then pictures and
/// registrations until writes fail. Each failure is 503 or 507 with a problem code and a message, never a 500;
/// nothing is half-written (every file in the blob store is a whole picture or thumbnail of a stored row, no
/// <c>.partial</c> file is left, SQLite's integrity check passes, the audit chain verifies); and once space is freed a
/// write succeeds again. Needs root, to mount the tmpfs; unmounts it at the end.
/// </summary>
internal static class FullDiskDrill
{
    private const string Brand = "DRILL-BRAND";

    public static async Task<DrillReport> RunAsync(FullDiskOptions options)
    {
        await using var disk = await SmallDisk.MountAsync(options.SizeMegabytes);
        var report = new DrillReport($"full disk under SQLite and the blob store ({options.SizeMegabytes} MB tmpfs)");
        await using var workspace = await Workspace.CreateAsync(DrillDatabase.Sqlite, dataFolder: disk.Path);
        var world = await DrillWorld.CreateAsync(workspace);
        var brandToken = await AddBrandAsync(workspace);
        var server = await workspace.StartServerAsync();
        using var police = new DrillClient(server.Url, world.Token);
        using var brand = new DrillClient(server.Url, brandToken);
        var sheet = await brand.PostJsonAsync("/api/v1/products", new { brand = "Drill", name = "Drill perfume" });
        Checks.Require(sheet.Status == 201, $"the product sheet was refused: {sheet} {sheet.Body}");
        var pictures = $"/api/v1/products/{sheet.Json.GetProperty("id").GetString()}/pictures";
        var picture = SmallDisk.NoisePng(500, 400);
        var number = 0;
        Task<Reply> Upload() => brand.PostBytesAsync(pictures, picture);
        Task<Reply> Register() => police.RegisterAsync($"F{++number:D8}", "FRA");
        Task<Reply> Screen() => police.ScreenAsync($"F{number:D8}", "FRA", $"full-disk-{number}");

        Reply[] baseline = [await Upload(), await Register(), await Screen()];
        report.Figure("before filling", $"picture {baseline[0]}, registration {baseline[1]}, screening {baseline[2]}; "
            + $"{disk.Free / 1024} KiB free; a picture upload is {picture.Length / 1024} KiB");
        Checks.Require(baseline.All(r => r.Ok), "the server did not work before the disk was filled: "
            + string.Join(", ", baseline.Select(r => $"{r} {r.Detail}")));

        // Leave a little room, then upload pictures into it until they no longer fit.
        await disk.FillAsync(leave: options.RoomMegabytes * 1024L * 1024);
        report.Figure("filled", $"{disk.Free / 1024} KiB left free");
        var writes = new List<(string What, Reply Reply)>();
        await RepeatAsync(writes, "picture", Upload, attempts: 30, failuresToStop: 3);

        // Then no room at all: registrations and screenings until SQLite cannot grow its log either.
        await disk.FillAsync(leave: 0);
        report.Figure("filled to the brim", $"{disk.Free / 1024} KiB left free");
        await RepeatAsync(writes, "registration", Register, attempts: 400, failuresToStop: 3);
        await RepeatAsync(writes, "screening", Screen, attempts: 400, failuresToStop: 3);
        await RepeatAsync(writes, "picture", Upload, attempts: 2, failuresToStop: 2);
        // A node whose writes all fail must leave the load balancer's rotation, though its reads still succeed.
        var readyWhileFull = await police.GetAsync("/health/ready");
        report.Figure("readiness while full", readyWhileFull.ToString());
        report.Check(readyWhileFull.Status == 503, $"readiness answered {readyWhileFull} while no write could commit");
        CheckFailures(report, writes);
        var whileFull = SmallDisk.Files(workspace.Settings["Blobs:Path"]!);

        // Free the space: the next write must succeed, without a restart.
        disk.Empty();
        report.Figure("freed", $"{disk.Free / 1024} KiB free");
        // Before any request writes: a node out of rotation gets no traffic, so it must find out by itself.
        var readyAgain = await UntilAsync(() => police.GetAsync("/health/ready"), TimeSpan.FromSeconds(30));
        report.Figure("readiness after freeing, before any write", readyAgain.Reply is null ? "never 200"
            : $"{readyAgain.Reply} after {DrillReport.Seconds(readyAgain.Seconds)}");
        report.Check(readyAgain.Reply?.Ok == true, "the node did not become ready again after space was freed");
        var resumed = await UntilAsync(Register, TimeSpan.FromSeconds(30));
        report.Figure("first registration after freeing", resumed.Reply is null ? "none succeeded"
            : $"{resumed.Reply} after {DrillReport.Seconds(resumed.Seconds)} and {resumed.Attempts} attempts");
        report.Check(resumed.Reply?.Ok == true, "no registration succeeded within 30 s of freeing space");
        var (afterPicture, afterScreen) = (await Upload(), await Screen());
        report.Figure("after freeing", $"picture {afterPicture}, screening {afterScreen}");
        report.Check(afterPicture.Ok && afterScreen.Ok, "writes after freeing space: "
            + $"picture {afterPicture} {afterPicture.Detail}, screening {afterScreen} {afterScreen.Detail}");
        await server.StopAsync(TimeSpan.FromSeconds(60));

        await CheckBlobStoreAsync(report, workspace, whileFull);
        var integrity = await Evidence.IntegrityAsync(workspace);
        report.Figure("PRAGMA integrity_check", integrity);
        report.Check(integrity == "ok", $"SQLite integrity check: {integrity}");
        await Checks.AuditVerifiesAsync(report, workspace);
        return report;
    }

    private static async Task<string> AddBrandAsync(Workspace workspace)
    {
        await workspace.RunCheckedAsync(null,
            "agencies", "add", "--code", Brand, "--name", "Drill brand", "--kind", "rights-holder", "--country", "FRA");
        await workspace.RunCheckedAsync(DrillWorld.Password,
            "users", "add", "--agency", Brand, "--login", "drill.brand", "--role", "rights-holder", "--password-stdin");
        var token = await workspace.RunCheckedAsync(null,
            "tokens", "create", "--user", "drill.brand", "--scope", "products:write");
        return token.Output.Trim();
    }

    /// <summary>Every failed write is 503 or 507, as problem+json with a code and a message.</summary>
    private static void CheckFailures(DrillReport report, List<(string What, Reply Reply)> writes)
    {
        foreach (var group in writes.GroupBy(w => w.What))
        {
            report.Figure($"{group.Key}s while full",
                string.Join(", ", group.GroupBy(w => w.Reply.ToString()).Select(g => $"{g.Key}: {g.Count()}")));
        }

        var failed = writes.Where(w => !w.Reply.Ok).ToList();
        foreach (var (what, reply) in failed.DistinctBy(w => (w.What, w.Reply.Status, w.Reply.Code)))
        {
            report.Figure($"  a {what} answered {reply}", $"{reply.ContentType}: {reply.Detail}");
        }

        report.Check(failed.Count > 0, "no write failed: the disk never filled up, so the drill proved nothing");
        var other = failed.Where(w => w.Reply.Status is not (503 or 507)).Select(w => $"{w.What} {w.Reply}").Distinct();
        report.Check(!other.Any(), $"writes failed with other statuses than 503 or 507: {string.Join(", ", other)}");
        report.Check(failed.All(w => w.Reply.ContentType == "application/problem+json"
                && !string.IsNullOrWhiteSpace(w.Reply.Code) && !string.IsNullOrWhiteSpace(w.Reply.Detail)),
            "a failed write was not problem+json with a code and a message");
    }

    /// <summary>Every file is a whole picture or thumbnail of a stored row, seen while full and at the end.</summary>
    private static async Task CheckBlobStoreAsync(
        DrillReport report, Workspace workspace, List<(string Name, long Bytes)> whileFull)
    {
        var rows = await Evidence.PicturesAsync(workspace);
        var files = SmallDisk.Files(workspace.Settings["Blobs:Path"]!);
        var stray = whileFull.Concat(files).DistinctBy(f => f.Name).Where(f => !Belongs(f, rows)).ToList();
        report.Figure("blob store", $"{rows.Count} picture rows; {whileFull.Count} files while full, "
            + $"{files.Count} at the end; {stray.Count} files belonging to no row or cut short");
        report.Check(stray.Count == 0, "half-written or orphaned files in the blob store: "
            + string.Join(", ", stray.Take(10).Select(f => $"{f.Name} ({f.Bytes} bytes)")));
        var names = files.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        report.Check(rows.Keys.All(id => names.Contains($"{id:N}.image") && names.Contains($"{id:N}.thumb")),
            "a stored picture lacks its file or its thumbnail");
    }

    private static bool Belongs((string Name, long Bytes) file, Dictionary<Guid, long> rows)
    {
        var dot = file.Name.IndexOf('.', StringComparison.Ordinal);
        return dot == 32 && Guid.TryParseExact(file.Name[..dot], "N", out var id) && rows.TryGetValue(id, out var bytes)
            && (file.Name[dot..] == ".thumb" || (file.Name[dot..] == ".image" && file.Bytes == bytes));
    }

    private static async Task RepeatAsync(
        List<(string, Reply)> writes, string what, Func<Task<Reply>> write, int attempts, int failuresToStop)
    {
        var failures = 0;
        for (var i = 0; i < attempts && failures < failuresToStop; i++)
        {
            var reply = await write();
            writes.Add((what, reply));
            failures += reply.Ok ? 0 : 1;
        }
    }

    private static async Task<(Reply? Reply, double Seconds, int Attempts)> UntilAsync(
        Func<Task<Reply>> write, TimeSpan bound)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var attempts = 0;
        while (clock.Elapsed < bound)
        {
            attempts++;
            var reply = await write();
            if (reply.Ok)
            {
                return (reply, clock.Elapsed.TotalSeconds, attempts);
            }

            await Task.Delay(200);
        }

        return (null, clock.Elapsed.TotalSeconds, attempts);
    }
}
