using System.Buffers.Binary;
using Passerelle.Core.Data;

namespace Passerelle.UnitTests.Data;

/// <summary>
/// Rows written in PostgreSQL's binary COPY format ("COPY", section "Binary Format", PostgreSQL 15 documentation):
/// each field after its 32-bit big-endian length, -1 for null. Dates are days since 2000-01-01, with
/// <c>infinity</c> and <c>-infinity</c> as the largest and smallest 32-bit values ("Date/Time Types", special values),
/// which is how Npgsql writes .NET's first and last days everywhere else in the register.
/// </summary>
public sealed class CopyRowsTests
{
    /// <summary>The 11-byte signature, the flags and the header extension's length.</summary>
    private const int HeaderLength = 19;

    [Fact]
    public void The_first_and_last_days_are_written_as_minus_infinity_and_infinity()
    {
        var fields = Fields(rows =>
        {
            rows.Row(4);
            rows.Date(DateOnly.MaxValue);
            rows.Date(DateOnly.MinValue);
            rows.Date(new DateOnly(2000, 1, 2));
            rows.Date(null);
        });

        Assert.Equal([int.MaxValue, int.MinValue, 1, (int?)null], fields.Select(Int));
    }

    [Fact]
    public void A_time_is_microseconds_since_2000_cut_as_npgsql_cuts_them_and_only_from_utc()
    {
        var at = new DateTime(2000, 1, 1, 0, 0, 1, DateTimeKind.Utc).AddTicks(15);

        var fields = Fields(rows =>
        {
            rows.Row(1);
            rows.Time(at);
        });

        Assert.Equal(1_000_001, BinaryPrimitives.ReadInt64BigEndian(fields[0]!));
        foreach (var kind in new[] { DateTimeKind.Local, DateTimeKind.Unspecified })
        {
            Assert.Throws<ArgumentException>(() => new CopyRows(64).Time(DateTime.SpecifyKind(at, kind)));
        }
    }

    private static int? Int(byte[]? field) => field is null ? null : BinaryPrimitives.ReadInt32BigEndian(field);

    /// <summary>The one row's fields, read back from the bytes as PostgreSQL reads them.</summary>
    private static List<byte[]?> Fields(Action<CopyRows> write)
    {
        var rows = new CopyRows(64);
        write(rows);
        var bytes = rows.Finish().Span;
        var count = BinaryPrimitives.ReadInt16BigEndian(bytes[HeaderLength..]);
        var at = HeaderLength + 2;
        var fields = new List<byte[]?>();
        for (var i = 0; i < count; i++)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(bytes[at..]);
            at += 4;
            fields.Add(length < 0 ? null : bytes.Slice(at, length).ToArray());
            at += Math.Max(length, 0);
        }

        Assert.Equal(-1, BinaryPrimitives.ReadInt16BigEndian(bytes[at..]));
        return fields;
    }
}
