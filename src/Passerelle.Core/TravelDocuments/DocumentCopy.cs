using Npgsql;
using NpgsqlTypes;

namespace Passerelle.Core.TravelDocuments;

/// <summary>
/// An import batch's writes on PostgreSQL: new records and every revision by binary COPY, each value written with
/// its type so nothing is boxed or looked up per value, and changed records by one UPDATE over arrays.
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

    /// <summary>Writes the batch; false as soon as a changed record is not as it was matched.</summary>
    public static async Task<bool> WriteAsync(NpgsqlConnection connection, ImportWrites writes, CancellationToken ct)
    {
        if (writes.Changed.Count > 0 && !await UpdateAsync(connection, writes, ct))
        {
            return false;
        }

        if (writes.Created.Count > 0)
        {
            await using var documents = await connection.BeginBinaryImportAsync(CopyDocuments, ct);
            WriteDocuments(documents, writes.Created);
            await documents.CompleteAsync(ct);
        }

        if (writes.Changes.Count == 0)
        {
            return true;
        }

        await using var revisions = await connection.BeginBinaryImportAsync(CopyRevisions, ct);
        foreach (var (d, kind, text) in writes.Revisions)
        {
            revisions.StartRow();
            revisions.Write(d.Id, NpgsqlDbType.Uuid);
            revisions.Write(d.Version, NpgsqlDbType.Integer);
            revisions.Write(writes.At, NpgsqlDbType.TimestampTz);
            revisions.Write(writes.ChangedBy, NpgsqlDbType.Text);
            revisions.Write(kind, NpgsqlDbType.Text);
            revisions.Write(text, NpgsqlDbType.Text);
        }

        await revisions.CompleteAsync(ct);
        return true;
    }

    /// <summary>
    /// The rows, written synchronously: a value fits the importer's buffer nearly always, and an awaited write per
    /// value cost the import more CPU than PostgreSQL spent storing it. A full buffer is sent with a blocking write.
    /// </summary>
    private static void WriteDocuments(NpgsqlBinaryImporter writer, List<TravelDocument> documents)
    {
        foreach (var d in documents)
        {
            writer.StartRow();
            writer.Write(d.Id, NpgsqlDbType.Uuid);
            writer.Write(d.OwnerAgencyId, NpgsqlDbType.Uuid);
            writer.Write(d.Number, NpgsqlDbType.Text);
            writer.Write(d.NormalizedNumber, NpgsqlDbType.Text);
            writer.Write(d.FoldedNumber, NpgsqlDbType.Text);
            writer.Write(d.IssuingState, NpgsqlDbType.Text);
            writer.Write(d.Type.ToString(), NpgsqlDbType.Text);
            writer.Write(d.Status.ToString(), NpgsqlDbType.Text);
            Date(writer, d.IssuedOn);
            Date(writer, d.ExpiresOn);
            writer.Write(d.ReportedOn, NpgsqlDbType.Date);
            Date(writer, d.TheftOrLossOn);
            Text(writer, d.NationalReference);
            writer.Write(d.ReviewOn, NpgsqlDbType.Date);
            Text(writer, d.Remarks);
            Text(writer, d.HolderName);
            Date(writer, d.HolderBirthDate);
            writer.Write(d.Version, NpgsqlDbType.Integer);
            writer.Write(d.CreatedAt, NpgsqlDbType.TimestampTz);
            writer.Write(d.UpdatedAt, NpgsqlDbType.TimestampTz);
            writer.WriteNull();
            writer.WriteNull();
            writer.Write(d.ChangeSequence, NpgsqlDbType.Bigint);
            writer.Write(d.CreatedBy!, NpgsqlDbType.Text);
        }
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

    private static void Date(NpgsqlBinaryImporter writer, DateOnly? value)
    {
        if (value is { } day)
        {
            writer.Write(day, NpgsqlDbType.Date);
        }
        else
        {
            writer.WriteNull();
        }
    }

    private static void Text(NpgsqlBinaryImporter writer, string? value)
    {
        if (value is null)
        {
            writer.WriteNull();
        }
        else
        {
            writer.Write(value, NpgsqlDbType.Text);
        }
    }
}
