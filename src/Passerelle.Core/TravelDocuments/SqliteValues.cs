using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Passerelle.Core.TravelDocuments;

/// <summary>
/// Binds values to a prepared SQLite statement by position, in the text forms EF Core's SQLite provider stores
/// (upper-case GUIDs, ISO dates, times to the tick), so EF reads them back unchanged. Each value is encoded on the
/// stack: an import binds millions of them, and one string per value cost more than SQLite's own work.
/// </summary>
internal static class SqliteValues
{
    private const string Time = "yyyy-MM-dd HH:mm:ss.FFFFFFF";

    public static string Text(Guid value) => value.ToString().ToUpperInvariant();

    /// <summary>A time in EF Core's form, encoded once for the many rows that share it.</summary>
    public static byte[] Utf8(DateTime value) =>
        Encoding.UTF8.GetBytes(value.ToString(Time, CultureInfo.InvariantCulture));

    public static void Bind(sqlite3_stmt statement, int index, ReadOnlySpan<byte> utf8) =>
        Check(statement, raw.sqlite3_bind_text(statement, index, utf8));

    public static void Bind(sqlite3_stmt statement, int index, string? value)
    {
        if (value is null)
        {
            Check(statement, raw.sqlite3_bind_null(statement, index));
            return;
        }

        // An empty span would bind NULL, not an empty text.
        if (value.Length == 0)
        {
            Check(statement, raw.sqlite3_bind_text(statement, index, value));
            return;
        }

        var max = Encoding.UTF8.GetMaxByteCount(value.Length);
        Span<byte> utf8 = max <= 1024 ? stackalloc byte[max] : new byte[max];
        Bind(statement, index, utf8[..Encoding.UTF8.GetBytes(value, utf8)]);
    }

    public static void Bind(sqlite3_stmt statement, int index, Guid value)
    {
        Span<byte> utf8 = stackalloc byte[36];
        value.TryFormat(utf8, out _, "D");
        System.Text.Ascii.ToUpperInPlace(utf8, out _);
        Bind(statement, index, utf8);
    }

    public static void Bind(sqlite3_stmt statement, int index, DateOnly? value)
    {
        if (value is not { } day)
        {
            Check(statement, raw.sqlite3_bind_null(statement, index));
            return;
        }

        Span<byte> utf8 = stackalloc byte[10];
        day.TryFormat(utf8, out _, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        Bind(statement, index, utf8);
    }

    public static void Bind(sqlite3_stmt statement, int index, long value) =>
        Check(statement, raw.sqlite3_bind_int64(statement, index, value));

    public static void Null(sqlite3_stmt statement, int index) =>
        Check(statement, raw.sqlite3_bind_null(statement, index));

    /// <summary>Runs a bound statement once and makes it ready for the next row.</summary>
    public static void Step(sqlite3 db, sqlite3_stmt statement)
    {
        var result = raw.sqlite3_step(statement);
        if (result != raw.SQLITE_DONE)
        {
            SqliteException.ThrowExceptionForRC(result, db);
        }

        raw.sqlite3_reset(statement);
    }

    public static sqlite3_stmt Prepare(sqlite3 db, string sql)
    {
        SqliteException.ThrowExceptionForRC(raw.sqlite3_prepare_v2(db, sql, out var statement), db);
        return statement;
    }

    private static void Check(sqlite3_stmt statement, int result)
    {
        if (result != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(result, raw.sqlite3_db_handle(statement));
        }
    }
}
