using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Passerelle.Core.TravelDocuments;

namespace Passerelle.UnitTests.TravelDocuments;

/// <summary>The register read whole at start-up, in parts, and built into the index in one go.</summary>
public sealed class ScreeningLoadTests
{
    private static readonly DateOnly Today = new(2026, 11, 30);
    private static readonly string[] States = ["FRA", "D", "UTO"];
    private static readonly Guid[] Owners =
    [
        Guid.Parse("0193a000-0000-7000-8000-00000000000a"),
        Guid.Parse("0193a000-0000-7000-8000-00000000000b"),
        Guid.Parse("0193a000-0000-7000-8000-00000000000c"),
    ];

    /// <summary>Numbers from letters an OCR confuses with digits, so that folded numbers often meet.</summary>
    private static readonly Gen<Record> Records =
        from number in Gen.Elements('A', 'B', '0', 'O', '1', 'I', '8').ArrayOf().Where(n => n.Length is > 0 and < 6)
        from state in Gen.Elements(States)
        from type in Gen.Elements(DocumentType.Passport, DocumentType.Visa)
        from owner in Gen.Choose(0, 2)
        from days in Gen.Choose(-3, 3)
        select new Record(new string(number), state, type, Owners[owner], Today.AddDays(days));

    /// <summary>
    /// However the records are shared among readers, the index built from their parts counts the same candidates for
    /// every number, with or without a state, as an index given the same records one upsert at a time.
    /// </summary>
    [Property(MaxTest = 300)]
    public Property An_index_loaded_whole_answers_every_number_as_one_filled_record_by_record() =>
        Prop.ForAll(Records.ListOf().ToArbitrary(), Gen.Choose(1, 4).ToArbitrary(), (generated, readers) =>
        {
            // The register holds one live record per key.
            var records = generated.DistinctBy(r => (r.Number, r.State, r.Type, r.Owner)).ToList();
            var upserted = new ScreeningIndex();
            var load = new ScreeningLoad(Today);
            var parts = Enumerable.Range(0, readers).Select(_ => load.NewPart()).ToList();
            for (var i = 0; i < records.Count; i++)
            {
                var r = records[i];
                upserted.Upsert(r.Number, r.State, r.Type, r.Owner, r.ReviewOn, live: true, sequence: i + 1);
                parts[i % readers].Add(r.Number, r.State, r.Type, r.Owner, r.ReviewOn.DayNumber);
            }

            var loaded = new ScreeningIndex();
            var count = loaded.Load(load, records.Count);
            var answers = records.SelectMany(r => new[] { r.State, null, "BEL" }, (r, state) => (r.Number, state));
            return count == records.Count(r => r.ReviewOn >= Today)
                && loaded.Sequence == records.Count
                && answers.All(a => loaded.Candidates(a.Number, a.state, Today)
                    == upserted.Candidates(a.Number, a.state, Today));
        });

    [Fact]
    public void A_load_into_an_index_that_holds_records_updates_those_it_knows_and_adds_the_others()
    {
        var review = Today.AddYears(10);
        var index = new ScreeningIndex();
        index.Upsert("L898902C3", "UTO", DocumentType.Passport, Owners[0], Today, live: true, sequence: 7);
        var load = new ScreeningLoad(Today);
        var part = load.NewPart();
        part.Add("L898902C3", "UTO", DocumentType.Passport, Owners[0], review.DayNumber);
        part.Add("AB1234567", "NLD", DocumentType.Passport, Owners[1], review.DayNumber);

        Assert.Equal(2, index.Load(load, sequence: 5));

        Assert.Equal(2, index.Count);
        Assert.Equal(7, index.Sequence);
        Assert.Equal(1, index.Candidates("L898902C3", "UTO", Today.AddDays(1)));
        Assert.Equal(1, index.Candidates("AB1234567", "NLD", Today));
    }

    [Fact]
    public void An_empty_register_loads_an_empty_index_caught_up_to_its_mark()
    {
        var index = new ScreeningIndex();

        Assert.Equal(0, index.Load(new ScreeningLoad(Today), sequence: 42));

        Assert.Equal(0, index.Count);
        Assert.Equal(42, index.Sequence);
        Assert.Equal(0, index.Candidates("L898902C3", null, Today));
    }

    internal sealed record Record(string Number, string State, DocumentType Type, Guid Owner, DateOnly ReviewOn);
}
