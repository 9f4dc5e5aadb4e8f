using System.ComponentModel.DataAnnotations;

namespace Passerelle.Core.Data;

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}

/// <summary><c>Database:*</c>; the connection string itself is <c>ConnectionStrings:Passerelle</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public const string DefaultSqlite = "Data Source=./data/passerelle.db";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// Whether <c>serve</c> applies pending migrations on SQLite. PostgreSQL never migrates by itself.
    /// </summary>
    public bool MigrateOnStart { get; set; } = true;

    [Required(AllowEmptyStrings = false)]
    public string ConnectionString { get; set; } = DefaultSqlite;
}
