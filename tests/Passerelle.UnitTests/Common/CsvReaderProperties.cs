using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Passerelle.Core.Common;

namespace Passerelle.UnitTests.Common;

/// <summary>
/// The RFC 4180 reader over any text, and over records that <see cref="Csv.Quote"/> wrote: what is written reads back
/// field for field, whatever the text holds and however the reader's buffer cuts it.
/// </summary>
public sealed class CsvReaderProperties
{
    private const string Alphabet = "a,\"\r\n '=-";

    private static readonly Gen<string> Fields = Gen.Frequency(
        (5, Texts.Over("ab ,\"\r\n'=+-@\t")),
        (1, Texts.Any)).Resize(30);

    /// <summary>
    /// Records of fields; a record of one empty field is left out, since it writes as a blank line, which RFC 4180
    /// readers (this one too) skip as no record.
    /// </summary>
    private static readonly Gen<string[][]> Records =
        from count in Gen.Choose(0, 8)
        from records in Gen.Choose(1, 6).SelectMany(Fields.ArrayOf).Where(r => r is not [""]).ArrayOf(count)
        select records;

    private static readonly Gen<string> Written =
        from records in Records
        from newline in Gen.Elements("\r\n", "\n")
        select string.Concat(records.Select(r => string.Join(',', r.Select(Csv.Quote)) + newline));

    private static List<CsvRow> Read(TextReader reader) => [.. Csv.ReadAsync(reader).ToBlockingEnumerable()];

    private static bool Same(List<CsvRow> a, List<CsvRow> b) =>
        a.Count == b.Count
        && a.Zip(b).All(p => p.First.Line == p.Second.Line && p.First.Error == p.Second.Error
            && p.First.Fields.SequenceEqual(p.Second.Fields));

    [Property(MaxTest = 10_000)]
    public Property Any_text_reads_the_same_whole_or_a_few_characters_at_a_time() =>
        Prop.ForAll(Texts.NearValid(Written, Alphabet).ToArbitrary(), Gen.Choose(1, 9).ToArbitrary(), (text, chunk) =>
        {
            var rows = Read(new StringReader(text));
            return Same(rows, Read(new ChunkedReader(text, chunk)))
                && rows.All(r => r.Fields.Count > 0 && r.Line >= 1)
                && rows.Zip(rows.Skip(1)).All(p => p.Second.Line > p.First.Line);
        });

    [Property(MaxTest = 10_000)]
    public Property Quoted_records_read_back_as_their_fields() =>
        Prop.ForAll(Records.ToArbitrary(), Gen.Elements("\r\n", "\n").ToArbitrary(), (records, newline) =>
        {
            var text = string.Concat(records.Select(r => string.Join(',', r.Select(Csv.Quote)) + newline));
            var rows = Read(new StringReader(text));
            return rows.Count == records.Length
                && rows.All(r => r.Error is null)
                && rows.Zip(records).All(p => p.First.Fields.Select(Csv.Undefuse).SequenceEqual(p.Second));
        });

    /// <summary>A reader that never returns more than <c>chunk</c> characters at once, as a slow upload does.</summary>
    internal sealed class ChunkedReader(string text, int chunk) : TextReader
    {
        private int position;

        public override int Peek() => position < text.Length ? text[position] : -1;

        public override int Read() => position < text.Length ? text[position++] : -1;

        public override int Read(Span<char> buffer)
        {
            var count = Math.Min(Math.Min(chunk, buffer.Length), text.Length - position);
            text.AsSpan(position, count).CopyTo(buffer);
            position += count;
            return count;
        }

        public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

        public override ValueTask<int> ReadAsync(Memory<char> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Read(buffer.Span));
    }
}
