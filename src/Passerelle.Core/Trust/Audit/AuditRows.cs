using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Passerelle.Core.Data;

namespace Passerelle.Core.Trust.Audit;

/// <summary>
/// Writes linked entries to the table in the context's transaction, past EF Core: binary COPY on PostgreSQL, one
/// prepared INSERT run once a row on SQLite. Every screening is an entry, so the audit writer's batches are the
/// write Passerelle makes most; tracking and generating a command for each entry cost more than the rest of a
/// screening together.
/// </summary>
internal static class AuditRows
{
    private static readonly string[] Columns =
    [
        "Sequence", "OccurredAt", "EventCode", "Operation", "Outcome", "UserId", "Login", "AgencyCode", "TokenId",
        "Target", "Purpose", "Details", "Source", "PreviousHash", "Hash",
    ];

    private static readonly string ColumnList = string.Join(", ", Columns.Select(c => $"\"{c}\""));

    private static readonly string Copy = $"COPY audit_entries ({ColumnList}) FROM STDIN (FORMAT BINARY)";

    public static Task WriteAsync(PasserelleDb db, IReadOnlyList<AuditEntry> entries, CancellationToken ct) =>
        db.Database.GetDbConnection() switch
        {
            NpgsqlConnection postgres => CopyAsync(postgres, entries, ct),
            SqliteConnection sqlite => InsertAsync(
                sqlite, (SqliteTransaction)db.Database.CurrentTransaction!.GetDbTransaction(), entries, ct),
            var other => throw new InvalidOperationException($"No audit writer for {other.GetType().Name}."),
        };

    /// <summary>The batch's rows, encoded at once and sent as they are.</summary>
    private static async Task CopyAsync(NpgsqlConnection connection, IReadOnlyList<AuditEntry> entries,
        CancellationToken ct)
    {
        var rows = new CopyRows(entries.Count * 512);
        foreach (var e in entries)
        {
            rows.Row((short)Columns.Length);
            rows.Long(e.Sequence);
            rows.Time(e.OccurredAt);
            rows.Int(e.EventCode);
            rows.Text(e.Operation);
            rows.Text(e.Outcome);
            rows.Uuid(e.UserId);
            rows.Text(e.Login);
            rows.Text(e.AgencyCode);
            rows.Uuid(e.TokenId);
            rows.Text(e.Target);
            rows.Text(e.Purpose);
            rows.Text(e.Details);
            rows.Text(e.Source);
            rows.Text(e.PreviousHash);
            rows.Text(e.Hash);
        }

        await rows.SendAsync(connection, Copy, ct);
    }

    private static async Task InsertAsync(SqliteConnection connection, SqliteTransaction transaction,
        IReadOnlyList<AuditEntry> entries, CancellationToken ct)
    {
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = $"INSERT INTO audit_entries ({ColumnList}) VALUES "
            + $"({string.Join(", ", Columns.Select((_, i) => $"$p{i}"))})";
        var parameters = Columns.Select((_, i) => insert.Parameters.Add(new SqliteParameter($"$p{i}", null))).ToArray();
        insert.Prepare();
        foreach (var e in entries)
        {
            object?[] values =
            [
                e.Sequence, e.OccurredAt, e.EventCode, e.Operation, e.Outcome, e.UserId, e.Login, e.AgencyCode,
                e.TokenId, e.Target, e.Purpose, e.Details, e.Source, e.PreviousHash, e.Hash,
            ];
            for (var i = 0; i < values.Length; i++)
            {
                parameters[i].Value = values[i] ?? DBNull.Value;
            }

            await insert.ExecuteNonQueryAsync(ct);
        }
    }
}
