using Microsoft.Data.Sqlite;
using SQLitePCL;
using static Passerelle.Core.TravelDocuments.SqliteValues;

namespace Passerelle.Core.TravelDocuments;

/// <summary>
/// An import batch's writes on SQLite, on the connection's own handle inside the batch's transaction: one INSERT or
/// UPDATE prepared per batch and bound by position for every row. Microsoft.Data.Sqlite looks each parameter up by
/// name and makes a string of each value on every execution, which cost the import more than SQLite's own work.
/// </summary>
internal static class DocumentInserts
{
    private static readonly string InsertDocument = Insert("travel_documents", BulkDocuments.Columns);

    private static readonly string InsertRevision = Insert("travel_document_revisions", BulkDocuments.RevisionColumns);

    private static readonly string UpdateDocument =
        "UPDATE travel_documents SET "
        + string.Join(", ", BulkDocuments.DetailColumns.Select((c, i) => $"\"{c}\" = ?{i + 1}"))
        + $" WHERE \"Id\" = ?{BulkDocuments.DetailColumns.Length + 1}"
        + $" AND \"Version\" = ?{BulkDocuments.DetailColumns.Length + 2} AND \"DeletedAt\" IS NULL";

    /// <summary>
    /// Writes the batch; false as soon as a changed record is not live at the version it was matched at, which only
    /// a writer that skipped the chain's turn could cause: SQLite has one writer, and the batch matched in its turn.
    /// </summary>
    public static bool Write(SqliteConnection connection, ImportWrites writes)
    {
        var db = connection.Handle ?? throw new InvalidOperationException("The batch's connection is closed.");
        var at = Utf8(writes.At);
        if (writes.Changed.Count > 0)
        {
            using var update = Prepare(db, UpdateDocument);
            for (var i = 0; i < writes.Changed.Count; i++)
            {
                BindDetails(update, writes.Changed[i], at);
                Bind(update, BulkDocuments.DetailColumns.Length + 1, writes.Changed[i].Id);
                Bind(update, BulkDocuments.DetailColumns.Length + 2, writes.ReadVersions[i]);
                Step(db, update);
                if (raw.sqlite3_changes(db) != 1)
                {
                    return false;
                }
            }
        }

        if (writes.Created.Count > 0)
        {
            using var insert = Prepare(db, InsertDocument);
            var owner = System.Text.Encoding.UTF8.GetBytes(Text(writes.Created[0].OwnerAgencyId));
            var by = System.Text.Encoding.UTF8.GetBytes(writes.ChangedBy);
            foreach (var d in writes.Created)
            {
                BindNew(insert, d, owner, at, by);
                Step(db, insert);
            }
        }

        if (writes.Changes.Count == 0)
        {
            return true;
        }

        using var revision = Prepare(db, InsertRevision);
        foreach (var (d, kind, text) in writes.Revisions)
        {
            Bind(revision, 1, d.Id);
            Bind(revision, 2, d.Version);
            Bind(revision, 3, at);
            Bind(revision, 4, writes.ChangedBy);
            Bind(revision, 5, kind);
            Bind(revision, 6, text);
            Step(db, revision);
        }

        return true;
    }

    /// <summary>
    /// A new record's columns, in the order of <see cref="BulkDocuments.Columns"/>; a batch makes every new record at
    /// its own time, by its own actor, each encoded once.
    /// </summary>
    private static void BindNew(sqlite3_stmt insert, TravelDocument d, byte[] owner, byte[] at, byte[] by)
    {
        Bind(insert, 1, d.Id);
        Bind(insert, 2, owner);
        Bind(insert, 3, d.Number);
        Bind(insert, 4, d.NormalizedNumber);
        Bind(insert, 5, d.FoldedNumber);
        Bind(insert, 6, d.IssuingState);
        Bind(insert, 7, d.Type.ToString());
        Bind(insert, 8, d.Status.ToString());
        Bind(insert, 9, d.IssuedOn);
        Bind(insert, 10, d.ExpiresOn);
        Bind(insert, 11, d.ReportedOn);
        Bind(insert, 12, d.TheftOrLossOn);
        Bind(insert, 13, d.NationalReference);
        Bind(insert, 14, d.ReviewOn);
        Bind(insert, 15, d.Remarks);
        Bind(insert, 16, d.HolderName);
        Bind(insert, 17, d.HolderBirthDate);
        Bind(insert, 18, d.Version);
        Bind(insert, 19, at);
        Bind(insert, 20, at);
        Null(insert, 21);
        Null(insert, 22);
        Bind(insert, 23, d.ChangeSequence);
        Bind(insert, 24, by);
    }

    /// <summary>A changed record's details, in the order of <see cref="BulkDocuments.DetailColumns"/>.</summary>
    private static void BindDetails(sqlite3_stmt update, TravelDocument d, byte[] at)
    {
        Bind(update, 1, d.Status.ToString());
        Bind(update, 2, d.IssuedOn);
        Bind(update, 3, d.ExpiresOn);
        Bind(update, 4, d.ReportedOn);
        Bind(update, 5, d.TheftOrLossOn);
        Bind(update, 6, d.NationalReference);
        Bind(update, 7, d.ReviewOn);
        Bind(update, 8, d.Remarks);
        Bind(update, 9, d.HolderName);
        Bind(update, 10, d.HolderBirthDate);
        Bind(update, 11, d.Version);
        Bind(update, 12, at);
        Bind(update, 13, d.ChangeSequence);
    }

    private static string Insert(string table, string[] columns) =>
        $"INSERT INTO {table} ({BulkDocuments.Quoted(columns)}) "
        + $"VALUES ({string.Join(", ", columns.Select((_, i) => $"?{i + 1}"))})";
}
