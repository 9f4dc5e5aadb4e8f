using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Passerelle.Core.TravelDocuments;

namespace Passerelle.UnitTests.TravelDocuments;

public sealed class ScreeningIndexTests
{
    /// <summary>One owner's word on the document: which owner, and whether its record is now live.</summary>
    private static readonly Gen<(int Owner, bool Live)> Changes =
        Gen.Zip(Gen.Choose(0, 2), Gen.Elements(true, false), (owner, live) => (owner, live));

    private static readonly DateOnly Today = new(2026, 11, 30);
    private static readonly DateOnly Review = Today.AddYears(10);
    private static readonly Guid[] Owners =
    [
        Guid.Parse("0193a000-0000-7000-8000-00000000000a"),
        Guid.Parse("0193a000-0000-7000-8000-00000000000b"),
        Guid.Parse("0193a000-0000-7000-8000-00000000000c"),
    ];

    [Fact]
    public void Two_owners_of_one_document_are_two_candidates_and_withdrawing_one_leaves_the_other_screened()
    {
        var index = new ScreeningIndex();
        index.Upsert("L898902C3", "UTO", DocumentType.Passport, Owners[0], Review, live: true, sequence: 1);
        index.Upsert("L898902C3", "UTO", DocumentType.Passport, Owners[1], Review, live: true, sequence: 2);

        Assert.Equal(2, index.Count);
        Assert.Equal(2, index.Candidates("L898902C3", "UTO", Today));

        // The first owner withdraws its record: with a key shared across owners this marked the second one's dead too.
        index.Upsert("L898902C3", "UTO", DocumentType.Passport, Owners[0], Review, live: false, sequence: 3);

        Assert.Equal(1, index.Candidates("L898902C3", "UTO", Today));
        Assert.Equal(1, index.Candidates("L898902C3", null, Today));
        Assert.Equal(3, index.Sequence);
    }

    [Fact]
    public void An_owner_s_record_withdrawn_and_reported_again_is_one_record_in_the_index()
    {
        var index = new ScreeningIndex();
        index.Upsert("AB1234567", "FRA", DocumentType.IdentityCard, Owners[0], Review, live: true, sequence: 1);
        index.Upsert("AB1234567", "FRA", DocumentType.IdentityCard, Owners[0], Review, live: false, sequence: 2);
        Assert.Equal(0, index.Candidates("AB1234567", "FRA", Today));

        index.Upsert("AB1234567", "FRA", DocumentType.IdentityCard, Owners[0], Review, live: true, sequence: 3);

        Assert.Equal(1, index.Count);
        Assert.Equal(1, index.Candidates("AB1234567", "FRA", Today));
    }

    [Fact]
    public void Another_state_or_a_past_review_date_is_no_candidate()
    {
        var index = new ScreeningIndex();
        index.Upsert("AB1234567", "FRA", DocumentType.Passport, Owners[0], Review, live: true, sequence: 1);
        index.Upsert("AB1234567", "FRA", DocumentType.Passport, Owners[1], Today.AddDays(-1), live: true, sequence: 2);

        Assert.Equal(0, index.Candidates("AB1234567", "BEL", Today));
        Assert.Equal(1, index.Candidates("AB1234567", "FRA", Today));
        Assert.Equal(1, index.Candidates("AB12345G7", "FRA", Today));
    }

    /// <summary>
    /// Whatever order owners report and withdraw one document in, the index counts exactly the owners whose last word
    /// was a live record.
    /// </summary>
    [Property(MaxTest = 300)]
    public Property Candidates_count_the_owners_whose_record_is_live() =>
        Prop.ForAll(Changes.ListOf().ToArbitrary(), changes =>
        {
            var index = new ScreeningIndex();
            var live = new Dictionary<int, bool>();
            var sequence = 0L;
            foreach (var (owner, isLive) in changes)
            {
                index.Upsert("X12345", "D", DocumentType.Passport, Owners[owner], Review, isLive, ++sequence);
                live[owner] = isLive;
            }

            return index.Candidates("X12345", "D", Today) == live.Count(l => l.Value);
        });
}
