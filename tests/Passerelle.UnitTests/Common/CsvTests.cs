using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Passerelle.Core.Common;

namespace Passerelle.UnitTests.Common;

/// <summary>
/// Cells that a spreadsheet would run as formulas are defused the OWASP way ("CSV Injection", owasp.org/www-community/
/// attacks/CSV_Injection): a leading single quote, and the cell quoted.
/// </summary>
public sealed class CsvTests
{
    private static readonly char[] Dangerous = ['=', '+', '-', '@', '\t', '\r'];

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"")]
    [InlineData("+33 1 23", "\"'+33 1 23\"")]
    [InlineData("-12.5", "\"'-12.5\"")]
    [InlineData("@SUM(A1)", "\"'@SUM(A1)\"")]
    [InlineData("\tcmd", "\"'\tcmd\"")]
    [InlineData("\rcmd", "\"'\rcmd\"")]
    [InlineData("'=x", "\"''=x\"")]
    public void A_cell_a_spreadsheet_would_run_gets_a_quote_and_is_quoted(string value, string written) =>
        Assert.Equal(written, Csv.Quote(value));

    [Theory]
    [InlineData("P<UTOERIKSSON<<ANNA", "P<UTOERIKSSON<<ANNA")]
    [InlineData("L898902C3", "L898902C3")]
    [InlineData("DUPONT, JEAN", "\"DUPONT, JEAN\"")]
    [InlineData("12-5", "12-5")]
    [InlineData("'quoted'", "'quoted'")]
    [InlineData("", "")]
    public void Other_cells_are_written_as_before(string value, string written) =>
        Assert.Equal(written, Csv.Quote(value));

    /// <summary>Cells built of what CSV and formula injection are made of, and now and then any text at all.</summary>
    private static readonly Gen<string> Cells = Gen.Frequency(
        (4, Texts.Over("'=+-@\t\r\n\",; aZ09")),
        (1, Texts.Any));

    [Property(MaxTest = 10_000)]
    public Property Undefuse_undoes_Defuse_for_any_text() =>
        Prop.ForAll(Cells.ToArbitrary(), value => Csv.Undefuse(Csv.Defuse(value)) == value);

    [Property(MaxTest = 10_000)]
    public Property Undefuse_undoes_Defuse_for_text_built_to_look_defused() =>
        Prop.ForAll(
            Gen.Choose(0, 3).ToArbitrary(),
            Gen.Elements(Dangerous).ToArbitrary(),
            Cells.ToArbitrary(),
            (quotes, c, rest) =>
            {
                var value = new string('\'', quotes) + c + rest;
                return Csv.Undefuse(Csv.Defuse(value)) == value;
            });

    [Property(MaxTest = 10_000)]
    public Property A_defused_cell_never_starts_with_a_dangerous_character() =>
        Prop.ForAll(Cells.ToArbitrary(), value =>
            Csv.Defuse(value) is var defused && (defused.Length == 0 || !Dangerous.Contains(defused[0])));

    [Property(MaxTest = 10_000)]
    public Property A_written_cell_reads_back_as_the_value() =>
        Prop.ForAll(Cells.ToArbitrary(), value => Csv.Undefuse(ReadOne(Csv.Quote(value))) == value);

    private static string ReadOne(string cell)
    {
        using var reader = new StringReader(cell + ",\n");
        var rows = Csv.ReadAsync(reader).ToBlockingEnumerable().ToList();
        return rows.Count == 0 ? "" : rows[0].Fields[0];
    }

    // RFC 4180 section 2, rules 5-7: a field with quotes is quoted whole, and its quotes are doubled.
    [Theory]
    [InlineData("a,\"b\"x,c\n", "Text follows the closing quote")]
    [InlineData("a,b\"c,d\n", "A quote inside a field that does not start with one")]
    [InlineData("a,\"b,c\n", "A quoted field is not closed")]
    public void A_record_that_breaks_the_grammar_says_how_and_the_next_record_reads_clean(string broken, string error)
    {
        using var reader = new StringReader("h1,h2,h3\n" + broken + (error.Contains("not closed", StringComparison.Ordinal) ? "" : "x,y,z\n"));

        var rows = Csv.ReadAsync(reader).ToBlockingEnumerable().ToList();

        Assert.Null(rows[0].Error);
        Assert.StartsWith(error, rows[1].Error, StringComparison.Ordinal);
        Assert.Equal(2, rows[1].Line);
        Assert.All(rows.Skip(2), r => Assert.Null(r.Error));
    }

    // RFC 4180 section 2, rule 1: a line ends with CRLF; a lone CR is neither a line end nor field text.
    [Theory]
    [InlineData("\"a\"\rb,c\n")]
    [InlineData("a\rb,c\n")]
    [InlineData("ab,c\r\r\n")]
    public void A_carriage_return_without_a_line_feed_is_reported_and_the_rest_of_the_record_still_read(string broken)
    {
        var rows = Read("h1,h2\r\n" + broken + "x,y\r\n");

        Assert.Equal(3, rows.Count);
        Assert.Null(rows[0].Error);
        Assert.StartsWith("A carriage return is not followed by a line feed", rows[1].Error, StringComparison.Ordinal);
        Assert.Equal(["ab", "c"], rows[1].Fields);
        Assert.Equal(3, rows[2].Line);
        Assert.Null(rows[2].Error);
        Assert.Equal(["x", "y"], rows[2].Fields);
    }

    [Fact]
    public void A_carriage_return_inside_quotes_is_field_text()
    {
        var rows = Read("\"a\rb\",c\r\n");

        Assert.Null(Assert.Single(rows).Error);
        Assert.Equal(["a\rb", "c"], rows[0].Fields);
    }

    [Fact]
    public void An_overlong_field_is_cut_at_the_limit_and_reported_and_the_next_line_reads_clean()
    {
        var rows = Read($"h1,h2\n{new string('x', CsvRecords.MaxFieldLength + 10)},tail\nx,y\n");

        Assert.Equal(CsvMessages.Overlong, rows[1].Error);
        Assert.Equal([CsvRecords.MaxFieldLength, 4], rows[1].Fields.Select(f => f.Length));
        Assert.Equal(3, rows[2].Line);
        Assert.Null(rows[2].Error);
        Assert.Equal(["x", "y"], rows[2].Fields);
    }

    [Fact]
    public void An_unclosed_quote_stops_at_the_limit_says_which_lines_it_swallowed_and_reading_resumes_after_them()
    {
        // 100 characters a line from line 2 on: the field's 65,536th character falls on line 2 + 655 = 657. The
        // closing quote at the end now opens a field of its own, left open.
        var line = new string('x', 99) + "\n";
        var text = "h1,h2\nopen,\"" + string.Concat(Enumerable.Repeat(line, 1000)) + "\"\n";

        var rows = Read(text);

        Assert.Equal($"{CsvMessages.Overlong} Lines 2 to 657 were read as this one record.", rows[1].Error);
        Assert.Equal(CsvRecords.MaxFieldLength, rows[1].Fields[1].Length);
        Assert.Equal(Enumerable.Range(658, 345), rows.Skip(2).Select(r => r.Line));
        Assert.All(rows.Skip(2).SkipLast(1), r => Assert.Equal(new string('x', 99), Assert.Single(r.Fields)));
        Assert.All(rows.Skip(2).SkipLast(1), r => Assert.Null(r.Error));
    }

    [Fact]
    public void An_unclosed_quote_at_the_end_of_a_large_file_holds_one_field_of_the_limit_at_most()
    {
        var text = "h1\n\"" + new string('x', 10 * CsvRecords.MaxFieldLength);

        var rows = Read(text);

        Assert.Equal(2, rows.Count);
        Assert.Equal(CsvMessages.Overlong, rows[1].Error);
        Assert.Equal(CsvRecords.MaxFieldLength, rows[1].Fields[0].Length);
    }

    private static List<CsvRow> Read(string text)
    {
        using var reader = new StringReader(text);
        return [.. Csv.ReadAsync(reader).ToBlockingEnumerable()];
    }
}
