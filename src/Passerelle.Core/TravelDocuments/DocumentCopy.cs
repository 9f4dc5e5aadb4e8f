using System.Text;
using Npgsql;
using Passerelle.Core.Data;

namespace Passerelle.Core.TravelDocuments;

/// <summary>
/// An import batch's writes on PostgreSQL: new records and every revision by binary COPY, encoded by
/// <see cref="CopyRows"/>, and changed records by one UPDATE over arrays.
/// </summary>
internal static class DocumentCopy
{
    private static readonly string CopyDocuments =
        $"COPY travel_documents ({BulkDocuments.Quoted(BulkDocuments.Columns)}) FROM STDIN (FORMAT BINARY)";

    private static readonly string CopyRevisions =
        $"COPY travel_document_revisions ({BulkDocuments.Quoted(BulkDocuments.RevisionColumns)}) "
        + "FROM STDIN (FORMAT BINARY)";

    private static readonly string Update =
        "UPDATE travel_documents AS d SET "
        + string.Join(", ", BulkDocuments.DetailColumns.Select((c, i) => $"\"{c}\" = u.c{i}"))
        + $" FROM unnest(@id, {string.Join(", ", BulkDocuments.DetailColumns.Select((_, i) => $"@c{i}"))}"
        + $", @matched) AS u(id, {string.Join(", ", BulkDocuments.DetailColumns.Select((_, i) => $"c{i}"))}, matched)"
        + " WHERE d.\"Id\" = u.id AND d.\"Version\" = u.matched AND d.\"DeletedAt\" IS NULL";

    /// <summary>Each enum value's name in UTF-8, as EF Core stores it, encoded once.</summary>
    private static readonly byte[][] Types = Names<DocumentType>();

    private static readonly byte[][] Statuses = Names<DocumentStatus>();

    /// <summary>Writes the batch; false as soon as a changed record is not as it was matched.</summary>
    public static async Task<bool> WriteAsync(NpgsqlConnection connection, ImportWrites writes, CancellationToken ct)
    {
        if (writes.Changed.Count > 0 && !await UpdateAsync(connection, writes, ct))
        {
            return false;
        }

        if (writes.Created.Count > 0)
        {
            await Documents(writes).SendAsync(connection, CopyDocuments, ct);
        }

        if (writes.Changes.Count > 0)
        {
            await Revisions(writes).SendAsync(connection, CopyRevisions, ct);
        }

        return true;
    }

    /// <summary>New records' columns, in the order of <see cref="BulkDocuments.Columns"/>.</summary>
    private static CopyRows Documents(ImportWrites writes)
    {
        var rows = new CopyRows(writes.Created.Count * 256);
        var by = Encoding.UTF8.GetBytes(writes.ChangedBy);
        foreach (var d in writes.Created)
        {
            rows.Row((short)BulkDocuments.Columns.Length);
            rows.Uuid(d.Id);
            rows.Uuid(d.OwnerAgencyId);
            rows.Text(d.Number);
            rows.Text(d.NormalizedNumber);
            rows.Text(d.FoldedNumber);
            rows.Text(d.IssuingState);
            rows.Text(Types[(int)d.Type]);
            rows.Text(Statuses[(int)d.Status]);
            rows.Date(d.IssuedOn);
            rows.Date(d.ExpiresOn);
            rows.Date(d.ReportedOn);
            rows.Date(d.TheftOrLossOn);
            rows.Text(d.NationalReference);
            rows.Date(d.ReviewOn);
            rows.Text(d.Remarks);
            rows.Text(d.HolderName);
            rows.Date(d.HolderBirthDate);
            rows.Int(d.Version);
            rows.Time(d.CreatedAt);
            rows.Time(d.UpdatedAt);
            rows.Null();
            rows.Null();
            rows.Long(d.ChangeSequence);
            rows.Text(by);
        }

        return rows;
    }

    /// <summary>The revisions' columns, in the order of <see cref="BulkDocuments.RevisionColumns"/>.</summary>
    private static CopyRows Revisions(ImportWrites writes)
    {
        var rows = new CopyRows(writes.Changes.Count * 96);
        var by = Encoding.UTF8.GetBytes(writes.ChangedBy);
        foreach (var (d, kind, text) in writes.Revisions)
        {
            rows.Row((short)BulkDocuments.RevisionColumns.Length);
            rows.Uuid(d.Id);
            rows.Int(d.Version);
            rows.Time(writes.At);
            rows.Text(by);
            rows.Text(kind);
            rows.Text(text);
        }

        return rows;
    }

    /// <summary>
    /// Updates each changed record only while it is live at the version it was matched at: under READ COMMITTED a
    /// record that another writer changed first is re-checked as that writer left it, and so skipped and counted.
    /// </summary>
    private static async Task<bool> UpdateAsync(NpgsqlConnection connection, ImportWrites writes, CancellationToken ct)
    {
        var documents = writes.Changed;
        await using var command = new NpgsqlCommand(Update, connection);
        command.Parameters.AddWithValue("id", documents.Select(d => d.Id).ToArray());
        object[] columns =
        [
            documents.Select(d => d.Status.ToString()).ToArray(), documents.Select(d => d.IssuedOn).ToArray(),
            documents.Select(d => d.ExpiresOn).ToArray(), documents.Select(d => d.ReportedOn).ToArray(),
            documents.Select(d => d.TheftOrLossOn).ToArray(), documents.Select(d => d.NationalReference).ToArray(),
            documents.Select(d => d.ReviewOn).ToArray(), documents.Select(d => d.Remarks).ToArray(),
            documents.Select(d => d.HolderName).ToArray(), documents.Select(d => d.HolderBirthDate).ToArray(),
            documents.Select(d => d.Version).ToArray(), documents.Select(d => d.UpdatedAt).ToArray(),
            documents.Select(d => d.ChangeSequence).ToArray(),
        ];
        for (var i = 0; i < columns.Length; i++)
        {
            command.Parameters.AddWithValue($"c{i}", columns[i]);
        }

        command.Parameters.AddWithValue("matched", writes.ReadVersions.ToArray());
        return await command.ExecuteNonQueryAsync(ct) == documents.Count;
    }

    private static byte[][] Names<T>()
        where T : struct, Enum =>
        [.. Enum.GetValues<T>().Select(v => Encoding.UTF8.GetBytes(v.ToString()))];
}
