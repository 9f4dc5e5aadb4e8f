using System.Buffers.Binary;
using System.Text;
using Passerelle.Core.TravelDocuments;

namespace Passerelle.UnitTests.TravelDocuments;

/// <summary>
/// The reader of PostgreSQL's binary COPY format, fed bytes as a connection delivers them. The format is PostgreSQL's
/// own ("COPY", section "Binary Format", PostgreSQL 15 documentation): an 11-byte signature, flags, a header
/// extension, then rows of a 16-bit column count and 32-bit big-endian lengths, and a trailer of -1.
/// </summary>
public sealed class RegisterCopyRowsTests
{
    private static readonly DateOnly Today = new(2026, 11, 30);
    private static readonly Guid Owner = Guid.Parse("0193a000-0000-7000-8000-00000000000a");

    /// <summary>A review date as PostgreSQL sends it: days since 2000-01-01.</summary>
    private static int Day(DateOnly date) => date.DayNumber - new DateOnly(2000, 1, 1).DayNumber;

    private static byte[] Copy(params byte[][] rows)
    {
        byte[] header = [.. "PGCOPY\n"u8, 0xFF, .. "\r\n"u8, 0, 0, 0, 0, 0, 0, 0, 0, 4, 1, 2, 3, 4];
        return [.. header, .. rows.SelectMany(r => r), 0xFF, 0xFF];
    }

    private static byte[] Row(string number, string state, string type, int review, Guid owner, bool nullOwner = false)
    {
        var row = new List<byte> { 0, 5 };
        void Field(byte[] bytes)
        {
            var length = new byte[4];
            BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
            row.AddRange(length);
            row.AddRange(bytes);
        }

        Field(Encoding.UTF8.GetBytes(number));
        Field(Encoding.UTF8.GetBytes(state));
        Field(Encoding.UTF8.GetBytes(type));
        var date = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(date, review);
        Field(date);
        if (nullOwner)
        {
            row.AddRange(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF });
        }
        else
        {
            Field(owner.ToByteArray(bigEndian: true));
        }

        return [.. row];
    }

    /// <summary>Feeds the bytes in pieces of <paramref name="piece"/>, as the loader's buffer does.</summary>
    private static (ScreeningIndex Index, bool Ended) Read(byte[] copy, int piece)
    {
        var load = new ScreeningLoad(Today);
        var rows = new RegisterCopyRows(load.NewPart());
        var buffer = new List<byte>();
        for (var at = 0; at < copy.Length; at += piece)
        {
            buffer.AddRange(copy.Skip(at).Take(piece));
            var taken = rows.Take([.. buffer]);
            buffer.RemoveRange(0, taken);
        }

        var index = new ScreeningIndex();
        index.Load(load, sequence: 1);
        return (index, rows.Ended && buffer.Count == 0);
    }

    [Fact]
    public void A_copy_read_in_pieces_of_any_size_gives_the_records_it_holds()
    {
        var copy = Copy(
            Row("L898902C3", "UTO", "Passport", Day(Today.AddYears(10)), Owner),
            Row("AB1234567", "FRA", "IdentityCard", Day(Today.AddDays(-1)), Owner),
            Row("X1", "D", "Visa", int.MaxValue, Owner));

        for (var piece = 1; piece <= copy.Length; piece++)
        {
            var (index, ended) = Read(copy, piece);

            Assert.True(ended);
            // The second record's review date has passed: it is left out, as the screening query leaves it out.
            Assert.Equal(2, index.Count);
            Assert.Equal(1, index.Candidates("L898902C3", "UTO", Today));
            Assert.Equal(1, index.Candidates("L8989O2C3", null, Today));
            Assert.Equal(0, index.Candidates("AB1234567", "FRA", Today));
            Assert.Equal(1, index.Candidates("X1", "D", DateOnly.MaxValue));
        }
    }

    [Fact]
    public void A_record_read_from_a_copy_has_the_key_of_the_same_record_upserted()
    {
        var (loaded, _) = Read(Copy(Row("L898902C3", "UTO", "Passport", Day(Today.AddYears(10)), Owner)), 64);

        // The owner's record withdrawn by the follower must be the one the load put in.
        loaded.Upsert("L898902C3", "UTO", DocumentType.Passport, Owner, Today.AddYears(10), live: false, sequence: 2);

        Assert.Equal(1, loaded.Count);
        Assert.Equal(0, loaded.Candidates("L898902C3", "UTO", Today));
    }

    [Fact]
    public void A_copy_with_a_null_another_shape_or_another_header_is_refused()
    {
        var review = Day(Today.AddYears(10));
        var withNull = Copy(Row("L898902C3", "UTO", "Passport", review, Owner, nullOwner: true));
        var sixColumns = Copy(Row("L898902C3", "UTO", "Passport", review, Owner));
        sixColumns[24] = 6;
        var notCopy = Copy(Row("L898902C3", "UTO", "Passport", review, Owner));
        notCopy[0] = (byte)'X';

        Assert.Throws<InvalidDataException>(() => Read(withNull, withNull.Length));
        Assert.Throws<InvalidDataException>(() => Read(sixColumns, sixColumns.Length));
        Assert.Throws<InvalidDataException>(() => Read(notCopy, notCopy.Length));
    }
}
