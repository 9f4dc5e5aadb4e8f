namespace Passerelle.Core.TravelDocuments;

/// <summary>
/// What one batch does to the owner's live records as matched: the rows that make new records, change stored ones or
/// leave them as they are, and the rows that repeat a document an earlier row of the batch made.
/// </summary>
internal sealed record ImportPlan(
    ImportWrites Writes, int Created, int Updated, int Unchanged, List<ImportProblem> Repeats)
{
    public static ImportPlan Make(
        Guid owner,
        List<ImportRow> batch,
        Dictionary<(string State, DocumentType Type, string Number), TravelDocument> existing,
        ImportWrites writes,
        DateOnly today,
        int reviewYears)
    {
        var fresh = new HashSet<TravelDocument>(ReferenceEqualityComparer.Instance);
        var touched = new HashSet<TravelDocument>(ReferenceEqualityComparer.Instance);
        var repeats = new List<ImportProblem>();
        int created = 0, updated = 0, unchanged = 0;
        foreach (var row in batch)
        {
            if (!existing.TryGetValue((row.State, row.Type, row.Number), out var found))
            {
                var document = RegisterDocument.NewRecord(owner, row.Number, row.State, row.Type, row.Status,
                    row.Request, today, reviewYears, writes.At, writes.ChangedBy);
                existing[(row.State, row.Type, row.Number)] = document;
                writes.Created.Add(document);
                fresh.Add(document);
                created++;
            }
            else if (fresh.Contains(found))
            {
                repeats.Add(new ImportProblem(row.Line,
                    $"repeats the document of an earlier line ({row.Number}, {row.State}, {row.Type.Name()})"));
            }
            else
            {
                var read = found.Version;
                if (!Change(found, row, today, writes.At, reviewYears))
                {
                    unchanged++;
                    continue;
                }

                if (touched.Add(found))
                {
                    writes.Changed.Add(found);
                    writes.ReadVersions.Add(read);
                }

                writes.Changes.Add(found);
                updated++;
            }
        }

        return new ImportPlan(writes, created, updated, unchanged, repeats);
    }

    /// <summary>Applies the row's details to a stored record; true when that changed it.</summary>
    private static bool Change(TravelDocument found, ImportRow row, DateOnly today, DateTime now, int reviewYears)
    {
        var before = Details(found);
        RegisterDocument.ApplyDetails(found, row.Status, row.Request, today, reviewYears);
        if (Details(found) == before)
        {
            return false;
        }

        found.Version++;
        found.UpdatedAt = now;
        return true;
    }

    /// <summary>
    /// What an import may change of a record, as its CSV form tells them apart: a blank text and none are one.
    /// </summary>
    private static (DocumentStatus, DateOnly?, DateOnly?, DateOnly, DateOnly?, string, DateOnly, string, string,
        DateOnly?) Details(TravelDocument d) =>
        (d.Status, d.IssuedOn, d.ExpiresOn, d.ReportedOn, d.TheftOrLossOn, d.NationalReference ?? "", d.ReviewOn,
            d.Remarks ?? "", d.HolderName ?? "", d.HolderBirthDate);
}
