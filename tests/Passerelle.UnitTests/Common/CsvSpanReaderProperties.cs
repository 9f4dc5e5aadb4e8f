using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Passerelle.Core.Common;

namespace Passerelle.UnitTests.Common;

/// <summary>
/// The span reader the import uses reads every text exactly as <see cref="Csv.ReadAsync"/> does: the same records,
/// fields, lines and errors, whether a record takes its fast path or goes through the grammar character by character,
/// and however its source cuts the text.
/// </summary>
public sealed class CsvSpanReaderProperties
{
    private const string Alphabet = "a,\"\r\n '=-";

    private static readonly Gen<string> Fields = Gen.Frequency(
        (5, Texts.Over("ab ,\"\r\n'=+-@\t")),
        (1, Texts.Any)).Resize(30);

    private static readonly Gen<string> Written =
        from count in Gen.Choose(0, 8)
        from records in Gen.Choose(1, 6).SelectMany(Fields.ArrayOf).ArrayOf(count)
        from newline in Gen.Elements("\r\n", "\n")
        select string.Concat(records.Select(r => string.Join(',', r.Select(Csv.Quote)) + newline));

    [Property(MaxTest = 10_000)]
    public Property Any_text_reads_as_the_record_reader_reads_it_whole_or_a_few_characters_at_a_time() =>
        Prop.ForAll(Texts.NearValid(Written, Alphabet).ToArbitrary(), Gen.Choose(1, 9).ToArbitrary(), (text, chunk) =>
        {
            var expected = Expected(text);
            return Same(expected, Read(new StringReader(text)))
                && Same(expected, Read(new CsvReaderProperties.ChunkedReader(text, chunk)));
        });

    [Theory]
    [InlineData("h1,h2\r\na,b\r\n\r\nc,d")]
    [InlineData("h1\n\n\n,\n \n")]
    [InlineData("h1,h2\na,b\r")]
    [InlineData("h1\r\r\na\rb\n\"x\ny\",z\nlast")]
    [InlineData("")]
    [InlineData("\n\n")]
    public void Blank_lines_carriage_returns_and_a_last_line_without_an_end_read_as_the_record_reader_reads_them(
        string text) =>
        Assert.True(Same(Expected(text), Read(new StringReader(text))));

    [Fact]
    public void Records_longer_than_its_buffer_and_overlong_fields_read_as_the_record_reader_reads_them()
    {
        var wide = string.Join(',', Enumerable.Repeat(new string('w', 1000), 100));
        var text = $"h1,h2\nshort,row\n{wide}\n{new string('x', CsvRecords.MaxFieldLength + 10)},tail\n"
            + $"\"{new string('q', 3 * CsvRecords.MaxFieldLength)}\nafter,it\nx,y\n";

        var rows = Read(new CsvReaderProperties.ChunkedReader(text, 4093));

        Assert.True(Same(Expected(text), rows));
        Assert.Equal(100, rows[2].Fields.Count);
        Assert.NotNull(rows[3].Error);
        Assert.Equal(["x", "y"], rows[^1].Fields);
    }

    private static List<CsvRow> Expected(string text) =>
        [.. Csv.ReadAsync(new StringReader(text)).ToBlockingEnumerable()];

    private static List<CsvRow> Read(TextReader text)
    {
        var reader = new CsvSpanReader(text);
        var rows = new List<CsvRow>();
        while (reader.ReadAsync(default).AsTask().GetAwaiter().GetResult())
        {
            var fields = new List<string>();
            for (var i = 0; i < reader.FieldCount; i++)
            {
                fields.Add(reader[i].ToString());
            }

            rows.Add(new CsvRow(reader.Line, fields, reader.Error));
        }

        return rows;
    }

    private static bool Same(List<CsvRow> a, List<CsvRow> b) =>
        a.Count == b.Count
        && a.Zip(b).All(p => p.First.Line == p.Second.Line && p.First.Error == p.Second.Error
            && p.First.Fields.SequenceEqual(p.Second.Fields));
}
