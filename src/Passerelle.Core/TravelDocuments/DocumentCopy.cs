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
            await CopyDocumentsAsync(connection, writes.Created, ct);
        }

        await using var revisions = await connection.BeginBinaryImportAsync(CopyRevisions, ct);
        foreach (var (d, kind, text) in writes.Revisions)
        {
            await revisions.StartRowAsync(ct);
            await revisions.WriteAsync(d.Id, NpgsqlDbType.Uuid, ct);
            await revisions.WriteAsync(d.Version, NpgsqlDbType.Integer, ct);
            await revisions.WriteAsync(writes.At, NpgsqlDbType.TimestampTz, ct);
            await revisions.WriteAsync(writes.ChangedBy, NpgsqlDbType.Text, ct);
            await revisions.WriteAsync(kind, NpgsqlDbType.Text, ct);
            await revisions.WriteAsync(text, NpgsqlDbType.Text, ct);
        }

        await revisions.CompleteAsync(ct);
        return true;
    }

    private static async Task CopyDocumentsAsync(
        NpgsqlConnection connection, List<TravelDocument> documents, CancellationToken ct)
    {
        await using var writer = await connection.BeginBinaryImportAsync(CopyDocuments, ct);
        foreach (var d in documents)
        {
            await writer.StartRowAsync(ct);
            await writer.WriteAsync(d.Id, NpgsqlDbType.Uuid, ct);
            await writer.WriteAsync(d.OwnerAgencyId, NpgsqlDbType.Uuid, ct);
            await writer.WriteAsync(d.Number, NpgsqlDbType.Text, ct);
            await writer.WriteAsync(d.NormalizedNumber, NpgsqlDbType.Text, ct);
            await writer.WriteAsync(d.FoldedNumber, NpgsqlDbType.Text, ct);
            await writer.WriteAsync(d.IssuingState, NpgsqlDbType.Text, ct);
            await writer.WriteAsync(d.Type.ToString(), NpgsqlDbType.Text, ct);
            await writer.WriteAsync(d.Status.ToString(), NpgsqlDbType.Text, ct);
            await DateAsync(writer, d.IssuedOn, ct);
            await DateAsync(writer, d.ExpiresOn, ct);
            await writer.WriteAsync(d.ReportedOn, NpgsqlDbType.Date, ct);
            await DateAsync(writer, d.TheftOrLossOn, ct);
            await TextAsync(writer, d.NationalReference, ct);
            await writer.WriteAsync(d.ReviewOn, NpgsqlDbType.Date, ct);
            await TextAsync(writer, d.Remarks, ct);
            await TextAsync(writer, d.HolderName, ct);
            await DateAsync(writer, d.HolderBirthDate, ct);
            await writer.WriteAsync(d.Version, NpgsqlDbType.Integer, ct);
            await writer.WriteAsync(d.CreatedAt, NpgsqlDbType.TimestampTz, ct);
            await writer.WriteAsync(d.UpdatedAt, NpgsqlDbType.TimestampTz, ct);
            await writer.WriteNullAsync(ct);
            await writer.WriteNullAsync(ct);
            await writer.WriteAsync(d.ChangeSequence, NpgsqlDbType.Bigint, ct);
        }

        await writer.CompleteAsync(ct);
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

    private static Task DateAsync(NpgsqlBinaryImporter writer, DateOnly? value, CancellationToken ct) =>
        value is { } day ? writer.WriteAsync(day, NpgsqlDbType.Date, ct) : writer.WriteNullAsync(ct);

    private static Task TextAsync(NpgsqlBinaryImporter writer, string? value, CancellationToken ct) =>
        value is null ? writer.WriteNullAsync(ct) : writer.WriteAsync(value, NpgsqlDbType.Text, ct);
}
