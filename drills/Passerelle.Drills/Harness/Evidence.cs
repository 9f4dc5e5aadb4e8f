using System.Data.Common;
using System.Globalization;
using System.Text.Json;

namespace Passerelle.Drills.Harness;

/// <summary>The state of the register after a drill, read straight from the database.</summary>
internal sealed record RegisterState(
    long Live, long Duplicates, long Made, long ImportedCreated, bool UniqueIndex);

/// <summary>What the server left in its database, read with plain SQL afterwards, whatever the server says.</summary>
internal static class Evidence
{
    /// <summary>The locations of screening audit entries whose location starts with <paramref name="tag"/>.</summary>
    public static async Task<HashSet<string>> AuditedLocationsAsync(Workspace workspace, string tag)
    {
        await using var connection = await workspace.OpenDatabaseAsync();
        var found = new HashSet<string>(StringComparer.Ordinal);
        await using var command = Command(connection,
            """
            SELECT "Details" FROM audit_entries WHERE "Operation" = 'document.screened' AND "Details" LIKE @pattern
            """,
            ("pattern", $"%\"location\":\"{tag}-%"));
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            using var details = JsonDocument.Parse(reader.GetString(0));
            if (details.RootElement.TryGetProperty("location", out var location) && location.GetString() is { } text)
            {
                found.Add(text);
            }
        }

        return found;
    }

    /// <summary>
    /// The agency's live records, how many documents are held twice as live records of one agency (the unique index
    /// forbids it), those that say who made them (an import writes that instead of a first revision), the records
    /// the import's audit entries say they created, and whether the unique index is there.
    /// </summary>
    public static async Task<RegisterState> RegisterAsync(Workspace workspace, string agency)
    {
        await using var connection = await workspace.OpenDatabaseAsync();
        const string owner = """(SELECT "Id" FROM agencies WHERE "Code" = @agency)""";
        var live = await ScalarAsync(connection, $"""
            SELECT COUNT(*) FROM travel_documents WHERE "DeletedAt" IS NULL AND "OwnerAgencyId" = {owner}
            """, ("agency", agency));
        var duplicates = await ScalarAsync(connection, """
            SELECT COUNT(*) FROM (
              SELECT 1 FROM travel_documents WHERE "DeletedAt" IS NULL
              GROUP BY "IssuingState", "Type", "NormalizedNumber", "OwnerAgencyId" HAVING COUNT(*) > 1) AS twice
            """);
        var made = await ScalarAsync(connection, $"""
            SELECT COUNT(*) FROM travel_documents WHERE "CreatedBy" IS NOT NULL AND "OwnerAgencyId" = {owner}
            """, ("agency", agency));
        long created = 0;
        const string imports = """SELECT "Details" FROM audit_entries WHERE "Operation" = 'document.imported'""";
        await using (var command = Command(connection, imports))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                using var details = JsonDocument.Parse(reader.GetString(0));
                created += details.RootElement.GetProperty("created").GetInt64();
            }
        }

        var unique = workspace.Database == DrillDatabase.PostgreSql
            ? await ScalarAsync(connection, """
                SELECT COUNT(*) FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
                WHERE t.relname = 'travel_documents' AND i.indisunique AND i.indisvalid AND i.indnatts = 4
                """)
            : await ScalarAsync(connection, """
                SELECT COUNT(*) FROM sqlite_master
                WHERE type = 'index' AND tbl_name = 'travel_documents' AND sql LIKE 'CREATE UNIQUE INDEX%'
                """);
        return new RegisterState(live, duplicates, made, created, unique > 0);
    }

    /// <summary>SQLite's own check of the whole file: <c>ok</c>, or the problems it found.</summary>
    public static async Task<string> IntegrityAsync(Workspace workspace)
    {
        await using var connection = await workspace.OpenDatabaseAsync();
        await using var command = Command(connection, "PRAGMA integrity_check");
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        return string.Join("; ", lines);
    }

    /// <summary>Each stored picture's id and its size in bytes.</summary>
    public static async Task<Dictionary<Guid, long>> PicturesAsync(Workspace workspace)
    {
        await using var connection = await workspace.OpenDatabaseAsync();
        await using var command = Command(connection, """SELECT "Id", "Bytes" FROM pictures""");
        await using var reader = await command.ExecuteReaderAsync();
        var pictures = new Dictionary<Guid, long>();
        while (await reader.ReadAsync())
        {
            var id = Guid.Parse(reader.GetValue(0).ToString()!, CultureInfo.InvariantCulture);
            pictures[id] = Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture);
        }

        return pictures;
    }

    public static async Task<long> ScalarAsync(
        DbConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = Command(connection, sql, parameters);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static DbCommand Command(
        DbConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
#pragma warning disable CA2100 // The drills' own fixed queries; the one value from outside is a parameter.
        command.CommandText = sql;
#pragma warning restore CA2100
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
