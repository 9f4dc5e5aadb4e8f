using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Passerelle.Core.Data;

namespace Passerelle.Core.TravelDocuments;

/// <summary>
/// What one batch of an import writes beside its audit entry, all at <paramref name="At"/>: new records, changed
/// ones with the version each had when matched (<paramref name="ReadVersions"/>, in the same order), and a revision
/// for each change (a record a batch changes twice has two). A new record has no revision: its own CreatedAt and
/// CreatedBy say what a revision would, and a revision a record cost the import a third of its writing.
/// </summary>
internal sealed record ImportWrites(
    List<TravelDocument> Created, List<TravelDocument> Changed, List<int> ReadVersions, List<TravelDocument> Changes,
    string ChangedBy, DateTime At)
{
    public bool Any => Created.Count > 0 || Changed.Count > 0;

    /// <summary>What an imported record's history says of its creation, which no revision holds.</summary>
    public const string Creation = "imported (created)";

    /// <summary>The revisions to write, one a change.</summary>
    public IEnumerable<(TravelDocument Document, string Kind, string Text)> Revisions =>
        Changes.Select(d => (d, "changed", "imported (changed)"));
}

/// <summary>
/// The import's hot path, below EF Core, inside the batch's transaction: PostgreSQL binary COPY (see
/// <see cref="DocumentCopy"/>), or SQLite statements prepared once and bound by position (see
/// <see cref="DocumentInserts"/>). Values are written in the forms EF Core itself uses on each provider.
/// </summary>
internal static class BulkDocuments
{
    public static readonly string[] Columns =
    [
        "Id", "OwnerAgencyId", "Number", "NormalizedNumber", "FoldedNumber", "IssuingState", "Type", "Status",
        "IssuedOn", "ExpiresOn", "ReportedOn", "TheftOrLossOn", "NationalReference", "ReviewOn", "Remarks",
        "HolderName", "HolderBirthDate", "Version", "CreatedAt", "UpdatedAt", "DeletedAt", "DeletionReason",
        "ChangeSequence", "CreatedBy",
    ];

    public static readonly string[] RevisionColumns =
        ["DocumentId", "Version", "ChangedAt", "ChangedBy", "Kind", "Changes"];

    /// <summary>The details an import sets, in this order, on a changed record.</summary>
    public static readonly string[] DetailColumns =
    [
        "Status", "IssuedOn", "ExpiresOn", "ReportedOn", "TheftOrLossOn", "NationalReference", "ReviewOn", "Remarks",
        "HolderName", "HolderBirthDate", "Version", "UpdatedAt", "ChangeSequence",
    ];

    /// <summary>
    /// Writes the batch; false, part-way, when a changed record is no longer live at the version it was matched at,
    /// which leaves the caller to roll back and match again.
    /// </summary>
    public static async Task<bool> WriteAsync(PasserelleDb db, ImportWrites writes, CancellationToken ct)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Bulk writes run inside the batch's transaction.");
        return transaction.Connection switch
        {
            NpgsqlConnection postgres => await DocumentCopy.WriteAsync(postgres, writes, ct),
            SqliteConnection sqlite => DocumentInserts.Write(sqlite, writes),
            _ => throw new InvalidOperationException($"No bulk writer for {transaction.Connection?.GetType().Name}."),
        };
    }

    public static string Quoted(IEnumerable<string> columns) => string.Join(", ", columns.Select(c => $"\"{c}\""));
}
