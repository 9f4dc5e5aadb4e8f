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
    public void Other_cells_are_written_as_before(string value, string written) => Assert.Equal(written, Csv.Quote(value));

    [Property]
    public bool Undefuse_undoes_Defuse_for_any_text(NonNull<string> value) =>
        Csv.Undefuse(Csv.Defuse(value.Get)) == value.Get;

    [Property]
    public Property Undefuse_undoes_Defuse_for_text_built_to_look_defused(PositiveInt quotes, NonNull<string> rest) =>
        Prop.ForAll(Gen.Elements(Dangerous).ToArbitrary(), c =>
        {
            var value = new string('\'', quotes.Get % 4) + c + rest.Get;
            return Csv.Undefuse(Csv.Defuse(value)) == value;
        });

    [Property]
    public bool A_defused_cell_never_starts_with_a_dangerous_character(NonNull<string> value) =>
        Csv.Defuse(value.Get) is var defused && (defused.Length == 0 || !Dangerous.Contains(defused[0]));

    [Property]
    public bool A_written_cell_reads_back_as_the_value(NonNull<string> value) =>
        Csv.Undefuse(ReadOne(Csv.Quote(value.Get))) == value.Get;

    private static string ReadOne(string cell)
    {
        using var reader = new StringReader(cell + ",\n");
        var rows = Csv.ReadAsync(reader).ToBlockingEnumerable().ToList();
        return rows.Count == 0 ? "" : rows[0].Fields[0];
    }
}
