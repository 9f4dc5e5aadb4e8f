namespace Passerelle.Core.Common;

internal static class Clock
{
    /// <summary>
    /// The current UTC time truncated to microseconds, the precision both SQLite and PostgreSQL keep,
    /// so a stored time reads back exactly as it was hashed or compared.
    /// </summary>
    public static DateTime UtcNow(this TimeProvider time) => Truncate(time.GetUtcNow().UtcDateTime);

    public static DateTime Truncate(DateTime value) =>
        new(value.Ticks - (value.Ticks % 10), DateTimeKind.Utc);
}
