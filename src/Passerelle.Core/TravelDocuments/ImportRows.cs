using Passerelle.Core.Common;
using Passerelle.Core.Standards;

namespace Passerelle.Core.TravelDocuments;

/// <summary>A good row of an import: its line, the registration it asks for, and the key of its record.</summary>
internal sealed record ImportRow(
    int Line, RegisterDocumentRequest Request, string Number, string State, DocumentType Type, DocumentStatus Status);

/// <summary>Up to a batch of good rows, with the bad rows met on the way; <see cref="Last"/> at the end.</summary>
internal sealed record ImportRowBatch(List<ImportRow> Rows, List<ImportProblem> Rejected, bool Last);

/// <summary>
/// Reads an import's CSV: line 1 names the columns, then each row becomes a checked registration or the reason it
/// cannot be one. Reading and checking hold no database, so the next batch can be read while the last one is saved.
/// </summary>
internal sealed class ImportRows(TextReader text, DateOnly today)
{
    private readonly CsvSpanReader csv = new(text);
    private int[] positions = [];
    private int count;

    /// <summary>Reads line 1: the error to answer when it does not name the columns, or the file is empty.</summary>
    public async Task<Error?> ReadHeaderAsync(CancellationToken ct)
    {
        if (!await csv.ReadAsync(ct))
        {
            return TravelDocumentErrors.ImportEmpty.With("The file is empty: line 1 must name the columns.", "file");
        }

        if (csv.Error is { } error)
        {
            return TravelDocumentErrors.ImportHeader.With($"Line 1: {error}", "file");
        }

        (var found, var missing) = DocumentCsv.Map(csv);
        if (found is null)
        {
            return TravelDocumentErrors.ImportHeader.With(
                $"Line 1 must name the columns; '{missing}' is missing. Columns: {DocumentCsv.Header}.", "file");
        }

        positions = found;
        return null;
    }

    /// <summary>
    /// Reads on until <paramref name="size"/> good rows, reporting every thousandth row read to
    /// <paramref name="progress"/>.
    /// </summary>
    public async Task<ImportRowBatch> ReadBatchAsync(int size, IProgress<int>? progress, CancellationToken ct)
    {
        var rows = new List<ImportRow>(size);
        var rejected = new List<ImportProblem>();
        while (rows.Count < size)
        {
            if (!await csv.ReadAsync(ct))
            {
                progress?.Report(count);
                return new ImportRowBatch(rows, rejected, Last: true);
            }

            if (csv.Error is { } error)
            {
                rejected.Add(new ImportProblem(csv.Line, error));
                continue;
            }

            var (row, problem) = Read();
            if (row is not null)
            {
                rows.Add(row);
            }
            else
            {
                rejected.Add(new ImportProblem(csv.Line, problem!));
            }

            if (++count % 1000 == 0)
            {
                progress?.Report(count);
            }
        }

        return new ImportRowBatch(rows, rejected, Last: false);
    }

    /// <summary>The current row as a checked registration with its key, or why it cannot be one.</summary>
    private (ImportRow? Row, string? Problem) Read()
    {
        var (request, problem) = DocumentCsv.Read(csv, positions);
        if (problem is null && RegisterDocument.ValidateNew(request!, today) is { } invalid)
        {
            problem = string.Join("; ", invalid.Fields!.SelectMany(f => f.Value));
        }

        if (problem is not null)
        {
            return (null, problem);
        }

        DocumentNames.TryType(request!.DocumentType, out var type);
        DocumentNames.TryStatus(request.Status, out var status);
        var row = new ImportRow(
            csv.Line, request, DocumentNames.Normalize(request.DocumentNumber!),
            CountryCodes.Normalize(request.IssuingState!), type, status);
        return (row, null);
    }
}
