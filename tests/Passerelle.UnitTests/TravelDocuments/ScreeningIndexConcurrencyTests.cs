using Passerelle.Core.TravelDocuments;

namespace Passerelle.UnitTests.TravelDocuments;

public sealed class ScreeningIndexConcurrencyTests
{
    private const int Rounds = 300;
    private const int NewStatesPerRound = 300;

    private static readonly DateOnly Today = new(2026, 11, 30);
    private static readonly DateOnly Review = Today.AddYears(10);
    private static readonly Guid Owner = Guid.Parse("0193a000-0000-7000-8000-00000000000a");

    /// <summary>
    /// A reader screens a registered document while a writer reports documents of states the index has not seen,
    /// so the table of issuing states grows under the reader. The reader must always find the one candidate: a table
    /// caught half-grown answered "clear" for a registered document, or threw.
    /// </summary>
    [Fact]
    public void A_registered_document_stays_a_candidate_while_writers_add_new_issuing_states()
    {
        var wrong = 0;
        Exception? thrown = null;
        for (var round = 0; round < Rounds && wrong == 0 && thrown is null; round++)
        {
            var index = new ScreeningIndex();
            index.Upsert("L898902C3", "UTO", DocumentType.Passport, Owner, Review, live: true, sequence: 1);
            var writing = 1;
            using var start = new Barrier(2);
            var reader = new Thread(() =>
            {
                start.SignalAndWait();
                try
                {
                    while (Volatile.Read(ref writing) == 1)
                    {
                        if (index.Candidates("L898902C3", "UTO", Today) != 1)
                        {
                            Interlocked.Increment(ref wrong);
                        }
                    }
                }
                catch (Exception e)
                {
                    thrown = e;
                }
            });
            reader.Start();
            start.SignalAndWait();
            for (var i = 0; i < NewStatesPerRound; i++)
            {
                var state = "S" + i.ToString("X4", System.Globalization.CultureInfo.InvariantCulture);
                index.Upsert("N" + i, state, DocumentType.Passport, Owner, Review, live: true, sequence: i + 2);
            }

            Volatile.Write(ref writing, 0);
            reader.Join();
        }

        Assert.Null(thrown);
        Assert.Equal(0, wrong);
    }
}
