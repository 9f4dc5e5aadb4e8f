using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using Passerelle.Core.Data;

namespace Passerelle.Core.TravelDocuments;

/// <summary>
/// The import's hot path, below EF Core: new records and their first revision go in by PostgreSQL binary COPY, or by
/// one prepared SQLite INSERT reused for every row, inside the caller's transaction. Values are written in the forms
/// EF Core itself uses on each provider, so EF reads them back unchanged.
/// </summary>
internal static class BulkDocuments
{
    private static readonly string[] Columns =
    [
        "Id", "OwnerAgencyId", "Number", "NormalizedNumber", "FoldedNumber", "IssuingState", "Type", "Status",
        "IssuedOn", "ExpiresOn", "ReportedOn", "TheftOrLossOn", "NationalReference", "ReviewOn", "Remarks",
        "HolderName", "HolderBirthDate", "Version", "CreatedAt", "UpdatedAt", "DeletedAt", "DeletionReason",
        "ChangeSequence",
    ];

    private static readonly string[] RevisionColumns =
        ["DocumentId", "Version", "ChangedAt", "ChangedBy", "Kind", "Changes"];

    public static async Task InsertAsync(
        PasserelleDb db, IReadOnlyList<TravelDocument> documents, string changedBy, CancellationToken ct)
    {
        if (documents.Count == 0)
        {
            return;
        }

        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Bulk inserts run inside the batch's transaction.");
        if (db.IsPostgreSql)
        {
            await CopyAsync((NpgsqlConnection)transaction.Connection!, documents, changedBy, ct);
        }
        else
        {
            await InsertSqliteAsync(
                (SqliteConnection)transaction.Connection!, (SqliteTransaction)transaction, documents, changedBy, ct);
        }
    }

    private static object[] Values(TravelDocument d) =>
    [
        d.Id, d.OwnerAgencyId, d.Number, d.NormalizedNumber, d.FoldedNumber, d.IssuingState, d.Type.ToString(),
        d.Status.ToString(), Nullable(d.IssuedOn), Nullable(d.ExpiresOn), d.ReportedOn, Nullable(d.TheftOrLossOn),
        Nullable(d.NationalReference), d.ReviewOn, Nullable(d.Remarks), Nullable(d.HolderName),
        Nullable(d.HolderBirthDate), d.Version, d.CreatedAt, d.UpdatedAt, Nullable(d.DeletedAt),
        Nullable(d.DeletionReason), d.ChangeSequence,
    ];

    private static object Nullable<T>(T? value) => value is null ? DBNull.Value : value;

    private static object Nullable<T>(T? value)
        where T : struct => value.HasValue ? value.Value : DBNull.Value;

    private static async Task CopyAsync(
        NpgsqlConnection connection, IReadOnlyList<TravelDocument> documents, string changedBy, CancellationToken ct)
    {
        NpgsqlDbType[] types =
        [
            NpgsqlDbType.Uuid, NpgsqlDbType.Uuid, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text,
            NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Date, NpgsqlDbType.Date,
            NpgsqlDbType.Date, NpgsqlDbType.Date, NpgsqlDbType.Text, NpgsqlDbType.Date, NpgsqlDbType.Text,
            NpgsqlDbType.Text, NpgsqlDbType.Date, NpgsqlDbType.Integer, NpgsqlDbType.TimestampTz,
            NpgsqlDbType.TimestampTz, NpgsqlDbType.TimestampTz, NpgsqlDbType.Text, NpgsqlDbType.Bigint,
        ];
        await using (var writer = await connection.BeginBinaryImportAsync(Copy("travel_documents", Columns), ct))
        {
            foreach (var d in documents)
            {
                await writer.StartRowAsync(ct);
                var values = Values(d);
                for (var i = 0; i < values.Length; i++)
                {
                    await (values[i] is DBNull
                        ? writer.WriteNullAsync(ct)
                        : writer.WriteAsync(values[i], types[i], ct));
                }
            }

            await writer.CompleteAsync(ct);
        }

        var revisions = Copy("travel_document_revisions", RevisionColumns);
        await using (var writer = await connection.BeginBinaryImportAsync(revisions, ct))
        {
            foreach (var d in documents)
            {
                await writer.WriteRowAsync(
                    ct, d.Id, d.Version, d.CreatedAt, changedBy, "created", "imported (created)");
            }

            await writer.CompleteAsync(ct);
        }
    }

    private static string Copy(string table, string[] columns) =>
        $"COPY {table} ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)";

    private static async Task InsertSqliteAsync(
        SqliteConnection connection,
        SqliteTransaction transaction,
        IReadOnlyList<TravelDocument> documents,
        string changedBy,
        CancellationToken ct)
    {
        await using var insert = Prepare(connection, transaction, "travel_documents", Columns);
        await using var revision = Prepare(connection, transaction, "travel_document_revisions", RevisionColumns);
        foreach (var d in documents)
        {
            var values = Values(d);
            for (var i = 0; i < values.Length; i++)
            {
                insert.Parameters[i].Value = Sqlite(values[i]);
            }

            await insert.ExecuteNonQueryAsync(ct);
            object[] history =
                [Sqlite(d.Id), d.Version, Sqlite(d.CreatedAt), changedBy, "created", "imported (created)"];
            for (var i = 0; i < history.Length; i++)
            {
                revision.Parameters[i].Value = history[i];
            }

            await revision.ExecuteNonQueryAsync(ct);
        }
    }

    private static SqliteCommand Prepare(
        SqliteConnection connection, SqliteTransaction transaction, string table, string[] columns)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        var names = string.Join(", ", columns.Select(c => $"\"{c}\""));
        var parameters = string.Join(", ", columns.Select((_, i) => $"$p{i}"));
        command.CommandText = $"INSERT INTO {table} ({names}) VALUES ({parameters})";
        for (var i = 0; i < columns.Length; i++)
        {
            command.Parameters.Add(new SqliteParameter($"$p{i}", null));
        }

        command.Prepare();
        return command;
    }

    /// <summary>
    /// The text forms EF Core's SQLite provider stores: upper-case GUIDs, ISO dates, times to the tick.
    /// </summary>
    private static object Sqlite(object value) => value switch
    {
        Guid g => g.ToString().ToUpperInvariant(),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        _ => value,
    };
}
