using System.Data;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Passerelle.Core.Data;

namespace Passerelle.Core.TravelDocuments;

/// <summary>
/// Reads the register into a <see cref="ScreeningLoad"/> from PostgreSQL: binary COPY of only the columns the index
/// keeps, in ranges of the table's pages read side by side, each on a connection of its own, all in one snapshot.
/// </summary>
/// <remarks>
/// Why no record is missed or counted twice between the load and the follower: the first connection opens a
/// repeatable-read transaction, exports its snapshot and reads in it the highest change sequence of the register;
/// every other range imports that very snapshot. A row version lies on one page, so the ranges read each row of that
/// one instant exactly once. Change sequences are taken under the audit chain's lock and commit in order, so that
/// instant holds every change up to the high-water mark and none past it. The follower then asks for the changes
/// past the mark: a write that lands while the load runs is one of them, applied when the follower catches up.
/// </remarks>
internal static partial class RegisterCopy
{
    private const string Table = "travel_documents";

    /// <summary>
    /// The high-water mark, the snapshot and the table's size in pages, all taken by the snapshot's first statement.
    /// </summary>
    private const string Mark =
        "SELECT pg_export_snapshot(), (SELECT coalesce(max(\"ChangeSequence\"), 0) FROM " + Table + "), "
        + "pg_relation_size('" + Table + "') / current_setting('block_size')::bigint";

    /// <summary>A range's pages, given as settings of its transaction.</summary>
    private const string Pages =
        "SELECT set_config('passerelle.load_from', @from, true), set_config('passerelle.load_to', @to, true)";

    /// <summary>The rows on a range's pages: PostgreSQL reads only those pages (a TID range scan).</summary>
    private const string InPages = "SELECT * FROM " + Table
        + " WHERE ctid >= current_setting('passerelle.load_from')::tid"
        + " AND ctid < current_setting('passerelle.load_to')::tid";

    /// <summary>
    /// PostgreSQL does most of the work of a COPY, in one process per connection. Two ranges a core keep every core
    /// busy while some ranges' rows are on their way: on two cores, four ranges loaded ten million records 15% sooner
    /// than two.
    /// </summary>
    private static readonly int MostRanges = Math.Clamp(2 * Environment.ProcessorCount, 2, 8);

    /// <returns>The change sequence the rows read are caught up to.</returns>
    public static async Task<long> ReadAsync(
        PasserelleDb db, ScreeningLoad load, int minimumPagesPerRange, CancellationToken ct)
    {
        var template = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var first = template.CloneWith(template.ConnectionString);
        await first.OpenAsync(ct);
        await using var snapshot = await first.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        string id;
        long sequence, pages;
        await using (var mark = new NpgsqlCommand(Mark, first, snapshot))
        await using (var reader = await mark.ExecuteReaderAsync(ct))
        {
            await reader.ReadAsync(ct);
            (id, sequence, pages) = (reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2));
        }

        var ranges = (int)Math.Clamp(pages / Math.Max(1, minimumPagesPerRange), 1, MostRanges);
        var copy = CopyCommand(db);
        var reads = new List<Task>();
        for (var r = 0; r < ranges; r++)
        {
            // The last range has no end: whatever the table holds past the size read, it reads.
            var range = (pages * r / ranges, r == ranges - 1 ? uint.MaxValue : pages * (r + 1) / ranges);
            var part = load.NewPart();
            reads.Add(r == 0
                ? Task.Run(() => CopyAsync(first, snapshot, range, copy, part, ct), ct)
                : Task.Run(() => CopyInSnapshotAsync(template, id, range, copy, part, ct), ct));
        }

        // The first range's transaction, which exported the snapshot, stays open until every range has taken it.
        await Task.WhenAll(reads);
        return sequence;
    }

    private static async Task CopyInSnapshotAsync(NpgsqlConnection template, string id, (long From, long To) range,
        string copy, ScreeningLoadPart part, CancellationToken ct)
    {
        if (!SnapshotId().IsMatch(id))
        {
            throw new InvalidOperationException($"PostgreSQL exported a snapshot id of an unexpected form: '{id}'.");
        }

        await using var connection = template.CloneWith(template.ConnectionString);
        await connection.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        // SET takes no parameter; the id is PostgreSQL's own, checked above to be hexadecimal and hyphens.
        await using (var take = new NpgsqlCommand($"SET TRANSACTION SNAPSHOT '{id}'", connection, transaction))
        {
            await take.ExecuteNonQueryAsync(ct);
        }

        await CopyAsync(connection, transaction, range, copy, part, ct);
    }

    private static async Task CopyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        (long From, long To) range, string copy, ScreeningLoadPart part, CancellationToken ct)
    {
        await using (var pages = new NpgsqlCommand(Pages, connection, transaction))
        {
            pages.Parameters.AddWithValue("from", string.Create(CultureInfo.InvariantCulture, $"({range.From},0)"));
            pages.Parameters.AddWithValue("to", string.Create(CultureInfo.InvariantCulture, $"({range.To},0)"));
            await pages.ExecuteNonQueryAsync(ct);
        }

        var rows = new RegisterCopyRows(part);
        var buffer = new byte[1 << 18];
        var filled = 0;
        await using var stream = await connection.BeginRawBinaryCopyAsync(copy, ct);
        while (true)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(filled), ct);
            if (read == 0)
            {
                if (!rows.Ended || filled > 0)
                {
                    throw new InvalidDataException("The register's COPY stopped in the middle of a row.");
                }

                return;
            }

            filled += read;
            var taken = rows.Take(buffer.AsSpan(0, filled));
            buffer.AsSpan(taken, filled - taken).CopyTo(buffer);
            filled -= taken;
        }
    }

    /// <summary>
    /// The COPY, the same for every range. EF writes its filter from the one definition of a live record; the pages
    /// come from settings of the range's transaction, and the review date is checked as rows are read, so the text
    /// holds no value: COPY takes no parameters.
    /// </summary>
    private static string CopyCommand(PasserelleDb db)
    {
        using var select = db.TravelDocuments.FromSqlRaw(InPages)
            .Where(Screenable.Live)
            .Select(d => new { d.NormalizedNumber, d.IssuingState, d.Type, d.ReviewOn, d.OwnerAgencyId })
            .CreateDbCommand();
        if (select.Parameters.Count > 0)
        {
            throw new InvalidOperationException("The register's COPY cannot take parameters: " + select.CommandText);
        }

        return $"COPY ({select.CommandText}) TO STDOUT (FORMAT BINARY)";
    }

    [GeneratedRegex("^[0-9A-Fa-f-]+$")]
    private static partial Regex SnapshotId();
}
