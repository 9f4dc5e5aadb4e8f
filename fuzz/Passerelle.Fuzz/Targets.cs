using System.Text;
using Passerelle.Core.Common;
using Passerelle.Core.Standards;

namespace Passerelle.Fuzz;

/// <summary>
/// One harness per parser. Each lets the parser's own "invalid" result through and turns anything else into an
/// exception, which SharpFuzz reports to afl-fuzz as a crash: an exception escaping the parser, or a parse that does
/// not survive the round trip the format promises.
/// </summary>
internal static class Targets
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>The input as text; bytes that are not UTF-8 become U+FFFD, as a web request's would.</summary>
    public static string Decode(Stream stream)
    {
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return Utf8.GetString(memory.GetBuffer(), 0, (int)memory.Length);
    }

    public static void Mrz(string text)
    {
        var parsed = MrzParser.Parse(text, Today);
        if (!parsed.Succeeded)
        {
            return;
        }

        var mrz = parsed.Value!;
        _ = MrzView.Of(mrz).WithoutHolder();
        var again = MrzParser.Parse(string.Join('\n', mrz.Lines), Today);
        Require(again.Succeeded && again.Value!.Checks == mrz.Checks, "the parsed lines do not parse the same");
        Require(!mrz.Valid || mrz.Corrections.Count == 0, "a valid MRZ was offered a correction");
    }

    public static void Gs1(string text)
    {
        _ = Core.Standards.Gs1.ParseElementString(text);
        _ = Core.Standards.Gs1.ParseDigitalLink(text);
        var parsed = Core.Standards.Gs1.Parse(text);
        if (!parsed.Succeeded)
        {
            return;
        }

        var data = parsed.Value!;
        var gtin = Gtin.Check(data.Gtin);
        Require(gtin.Valid && gtin.Normalized == data.Gtin, "the GTIN is not a valid GTIN-14");
        var link = Core.Standards.Gs1.ParseDigitalLink(data.DigitalLink);
        Require(link.Succeeded, $"the canonical link {data.DigitalLink} does not parse");
        var back = link.Value!;
        Require(
            (back.Gtin, back.Variant, back.Batch, back.Serial) == (data.Gtin, data.Variant, data.Batch, data.Serial),
            $"the canonical link {data.DigitalLink} reads back differently");
    }

    public static void Csv(string text)
    {
        // A reader that hands out the text a few characters at a time, so records and quotes cross buffer ends.
        var rows = Read(new ChunkedReader(text, 1 + (text.Length % 7)));
        Require(rows.SequenceEqual(Read(new StringReader(text)), RowComparer.Instance), "the chunked read differs");
        foreach (var row in rows)
        {
            if (row.Fields is [""] || row.Error is not null)
            {
                // A record of one empty field writes as a blank line, which every reader skips; a record the reader
                // reported broken (a field cut at the length cap among them) is refused, not written back.
                continue;
            }

            var written = string.Join(',', row.Fields.Select(Core.Common.Csv.Quote)) + "\r\n";
            var reread = Read(new StringReader(written));
            Require(
                reread.Count == 1 && reread[0].Fields.Select(Core.Common.Csv.Undefuse).SequenceEqual(row.Fields),
                "a written record does not read back as its fields");
        }
    }

    private static List<CsvRow> Read(TextReader reader) =>
        [.. Core.Common.Csv.ReadAsync(reader).ToBlockingEnumerable()];

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException(message);
        }
    }

    private sealed class RowComparer : IEqualityComparer<CsvRow>
    {
        public static readonly RowComparer Instance = new();

        public bool Equals(CsvRow? x, CsvRow? y) =>
            x!.Line == y!.Line && x.Error == y.Error && x.Fields.SequenceEqual(y.Fields);

        public int GetHashCode(CsvRow obj) => obj.Line;
    }
}
