using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Passerelle.Core.Common;
using Passerelle.Core.TravelDocuments;
using Passerelle.UnitTests.Common;

namespace Passerelle.UnitTests.TravelDocuments;

/// <summary>
/// An import row read from spans reads as the register's CSV form always read: dates exactly as
/// <see cref="DateOnly.TryParseExact(string, string, IFormatProvider, DateTimeStyles, out DateOnly)"/> with
/// <c>yyyy-MM-dd</c> reads them, cells defused for spreadsheets undone, blanks absent.
/// </summary>
public sealed class DocumentCsvReadProperties
{
    private const string Header = "documentNumber,issuingState,documentType,status,reportedOn,remarks\n";

    private static readonly Gen<string> Days = Gen.Frequency(
        (3, from year in Gen.Choose(0, 10_000)
            from month in Gen.Choose(0, 13)
            from day in Gen.Choose(0, 32)
            select string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{month:D2}-{day:D2}")),
        (1, Texts.Over("0123456789- +").Resize(12)),
        (1, Texts.Any.Resize(12).Select(t => t.Replace(",", "", StringComparison.Ordinal))));

    [Property(MaxTest = 10_000)]
    public Property A_date_cell_reads_as_the_exact_date_parser_reads_it() =>
        Prop.ForAll(Days.ToArbitrary(), text =>
        {
            var (request, problem) = ReadOne($"L898902C3,UTO,passport,stolen,{Csv.Quote(text)},\n");
            var cell = text.Trim();
            if (cell.Length == 0)
            {
                return problem is null && request!.ReportedOn is null;
            }

            return DateOnly.TryParseExact(
                cell, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var expected)
                ? problem is null && request!.ReportedOn == expected
                : request is null && problem!.StartsWith("reportedOn '", StringComparison.Ordinal);
        });

    [Fact]
    public void Columns_are_found_by_name_in_any_order_and_case_and_the_first_of_two_alike_wins()
    {
        var text = "Status , documentNumber,REMARKS,issuingState,documentType,remarks\n"
            + "lost,AB1,\"'=1+2\",FRA,visa,no\n";

        var (request, problem) = ReadOne(text, header: "");

        Assert.Null(problem);
        Assert.Equal(("AB1", "FRA", "visa", "lost", "=1+2"), (request!.DocumentNumber, request.IssuingState,
            request.DocumentType, request.Status, request.Remarks));
    }

    [Fact]
    public async Task A_header_without_a_required_column_names_the_first_missing()
    {
        var reader = new CsvSpanReader(new StringReader("documentNumber,documentType,status\n"));
        Assert.True(await reader.ReadAsync(default));
        var (positions, missing) = DocumentCsv.Map(reader);

        Assert.Null(positions);
        Assert.Equal("issuingState", missing);
    }

    private static (RegisterDocumentRequest? Request, string? Problem) ReadOne(string rows, string header = Header)
    {
        var reader = new CsvSpanReader(new StringReader(header + rows));
        Assert.True(reader.ReadAsync(default).AsTask().GetAwaiter().GetResult());
        var (positions, missing) = DocumentCsv.Map(reader);
        Assert.Null(missing);
        Assert.True(reader.ReadAsync(default).AsTask().GetAwaiter().GetResult());
        return DocumentCsv.Read(reader, positions!);
    }
}
