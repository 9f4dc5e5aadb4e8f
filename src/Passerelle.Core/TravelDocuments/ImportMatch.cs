using System.Buffers;
using System.Data.Common;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Passerelle.Core.Data;

namespace Passerelle.Core.TravelDocuments;

/// <summary>
/// The owner's live records that a batch of import rows names by their exact key (issuing state, type, number), in
/// one query below EF Core. Only the owner's own records are matched: another agency's record of the same document
/// is never kept, so the row becomes the owner's own record. A record is read with what an import compares and
/// writes back, not its times or change sequence, which a change sets anew.
/// </summary>
internal static class ImportMatch
{
    private const string Columns = """
        d."Id", d."Number", d."NormalizedNumber", d."FoldedNumber", d."IssuingState", d."Type", d."Status",
        d."IssuedOn", d."ExpiresOn", d."ReportedOn", d."TheftOrLossOn", d."NationalReference", d."ReviewOn",
        d."Remarks", d."HolderName", d."HolderBirthDate", d."Version", d."OwnerAgencyId"
        """;

    // By the folded numbers as one array: the index on the folded number walks them in order, faster than a lookup
    // per key in the unique index. The owner and the exact key are checked on the rows read, since an owner in the
    // query can lead the planner to the (owner, reported) index and the owner's whole register.
    private const string PostgreSql = $"""
        SELECT {Columns} FROM travel_documents AS d WHERE d."FoldedNumber" = ANY(@folded) AND d."DeletedAt" IS NULL
        """;

    // One JSON parameter of [state, type, number] keys. CROSS JOIN makes SQLite walk the keys and look each one up
    // in that index; left to choose, it would read the owner's whole register through the (owner, reported) index.
    private const string Sqlite = $"""
        SELECT {Columns}
        FROM json_each($keys) AS k CROSS JOIN travel_documents AS d
        WHERE d."IssuingState" = k.value ->> 0 AND d."Type" = k.value ->> 1 AND d."NormalizedNumber" = k.value ->> 2
          AND d."OwnerAgencyId" = $owner AND d."DeletedAt" IS NULL
        """;

    public static async Task<Dictionary<(string State, DocumentType Type, string Number), TravelDocument>>
        OwnRecordsAsync(PasserelleDb db, Guid owner, IReadOnlyList<ImportRow> rows, CancellationToken ct)
    {
        var keys = rows.Select(r => (r.State, r.Type, r.Number)).ToHashSet();
        var found = new Dictionary<(string State, DocumentType Type, string Number), TravelDocument>(keys.Count);
        if (keys.Count == 0)
        {
            return found;
        }

        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = Command(connection, owner, keys);
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var document = Read(reader);
                var key = (document.IssuingState, document.Type, document.NormalizedNumber);
                if (document.OwnerAgencyId == owner && keys.Contains(key))
                {
                    found[key] = document;
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return found;
    }

    private static DbCommand Command(
        DbConnection connection, Guid owner, HashSet<(string State, DocumentType Type, string Number)> keys)
    {
        if (connection is NpgsqlConnection postgres)
        {
            var command = new NpgsqlCommand(PostgreSql, postgres);
            command.Parameters.AddWithValue(
                "folded", keys.Select(k => DocumentNames.Fold(k.Number)).Distinct().ToArray());
            return command;
        }

        var sqlite = new SqliteCommand(Sqlite, (SqliteConnection)connection);
        sqlite.Parameters.AddWithValue("$keys", Json(keys));
        sqlite.Parameters.AddWithValue("$owner", SqliteValues.Text(owner));
        return sqlite;
    }

    private static string Json(HashSet<(string State, DocumentType Type, string Number)> keys)
    {
        var json = new ArrayBufferWriter<byte>(keys.Count * 32);
        using (var writer = new Utf8JsonWriter(json))
        {
            writer.WriteStartArray();
            foreach (var (state, type, number) in keys)
            {
                writer.WriteStartArray();
                writer.WriteStringValue(state);
                writer.WriteStringValue(type.ToString());
                writer.WriteStringValue(number);
                writer.WriteEndArray();
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(json.WrittenSpan);
    }

    private static TravelDocument Read(DbDataReader r) => new()
    {
        Id = r.GetFieldValue<Guid>(0),
        OwnerAgencyId = r.GetFieldValue<Guid>(17),
        Number = r.GetString(1),
        NormalizedNumber = r.GetString(2),
        FoldedNumber = r.GetString(3),
        IssuingState = r.GetString(4),
        Type = Enum.Parse<DocumentType>(r.GetString(5)),
        Status = Enum.Parse<DocumentStatus>(r.GetString(6)),
        IssuedOn = Date(r, 7),
        ExpiresOn = Date(r, 8),
        ReportedOn = r.GetFieldValue<DateOnly>(9),
        TheftOrLossOn = Date(r, 10),
        NationalReference = Text(r, 11),
        ReviewOn = r.GetFieldValue<DateOnly>(12),
        Remarks = Text(r, 13),
        HolderName = Text(r, 14),
        HolderBirthDate = Date(r, 15),
        Version = r.GetInt32(16),
    };

    private static DateOnly? Date(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetFieldValue<DateOnly>(i);

    private static string? Text(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}
