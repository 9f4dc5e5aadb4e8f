using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
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

    public static Task WriteAsync(PasserelleDb db, IReadOnlyList<AuditEntry> entries, CancellationToken ct) =>
        db.Database.GetDbConnection() switch
        {
            NpgsqlConnection postgres => CopyAsync(postgres, entries, ct),
            SqliteConnection sqlite => InsertAsync(
                sqlite, (SqliteTransaction)db.Database.CurrentTransaction!.GetDbTransaction(), entries, ct),
            var other => throw new InvalidOperationException($"No audit writer for {other.GetType().Name}."),
        };

    private static async Task CopyAsync(NpgsqlConnection connection, IReadOnlyList<AuditEntry> entries,
        CancellationToken ct)
    {
        var copy = $"COPY audit_entries ({ColumnList}) FROM STDIN (FORMAT BINARY)";
        await using var writer = await connection.BeginBinaryImportAsync(copy, ct);
        foreach (var e in entries)
        {
            await writer.StartRowAsync(ct);
            await writer.WriteAsync(e.Sequence, NpgsqlDbType.Bigint, ct);
            await writer.WriteAsync(e.OccurredAt, NpgsqlDbType.TimestampTz, ct);
            await writer.WriteAsync(e.EventCode, NpgsqlDbType.Integer, ct);
            await writer.WriteAsync(e.Operation, NpgsqlDbType.Varchar, ct);
            await writer.WriteAsync(e.Outcome, NpgsqlDbType.Varchar, ct);
            await WriteAsync(writer, e.UserId, ct);
            await WriteAsync(writer, e.Login, NpgsqlDbType.Varchar, ct);
            await WriteAsync(writer, e.AgencyCode, NpgsqlDbType.Varchar, ct);
            await WriteAsync(writer, e.TokenId, ct);
            await WriteAsync(writer, e.Target, NpgsqlDbType.Varchar, ct);
            await WriteAsync(writer, e.Purpose, NpgsqlDbType.Varchar, ct);
            await WriteAsync(writer, e.Details, NpgsqlDbType.Text, ct);
            await WriteAsync(writer, e.Source, NpgsqlDbType.Varchar, ct);
            await writer.WriteAsync(e.PreviousHash, NpgsqlDbType.Varchar, ct);
            await writer.WriteAsync(e.Hash, NpgsqlDbType.Varchar, ct);
        }

        await writer.CompleteAsync(ct);
    }

    private static Task WriteAsync(NpgsqlBinaryImporter writer, string? value, NpgsqlDbType type,
        CancellationToken ct) =>
        value is null ? writer.WriteNullAsync(ct) : writer.WriteAsync(value, type, ct);

    private static Task WriteAsync(NpgsqlBinaryImporter writer, Guid? value, CancellationToken ct) =>
        value is { } id ? writer.WriteAsync(id, NpgsqlDbType.Uuid, ct) : writer.WriteNullAsync(ct);

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
