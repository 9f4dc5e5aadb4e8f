using Passerelle.Core.Common;
using Passerelle.Core.Standards;

namespace Passerelle.Core.TravelDocuments;

/// <summary>
/// One item to screen, read and checked: the number and state the register is asked about, and what the document's
/// MRZ says of itself. A typed number has no MRZ, so its document check is <c>not-checked</c>.
/// </summary>
internal sealed record ScreeningInput(
    string Number, string? State, DocumentType? Type, MrzView? Mrz, List<string> Warnings, DocumentCheck Check,
    Error? Error)
{
    private static ScreeningInput Invalid(Error error) => new("", null, null, null, [], DocumentCheck.Unchecked, error);

    public static ScreeningInput Prepare(ScreenItem item, DateOnly today)
    {
        if (!string.IsNullOrWhiteSpace(item.Mrz))
        {
            var parsed = MrzParser.Parse(item.Mrz, today);
            if (!parsed.Succeeded)
            {
                return Invalid(parsed.Error);
            }

            var mrz = parsed.Value;
            var view = MrzView.Of(mrz);
            var warnings = new List<string>();
            if (!mrz.Valid)
            {
                var failed = view.Checks.Where(c => !c.Value).Select(c => c.Key);
                warnings.Add($"Check digits fail ({string.Join(", ", failed)}): a faulty genuine document or a " +
                    "forgery. Examine the document.");
            }

            warnings.AddRange(mrz.Warnings);
            return new ScreeningInput(DocumentNames.Normalize(mrz.DocumentNumber), mrz.IssuingState,
                DocumentNames.FromMrzCode(mrz.DocumentCode), view, warnings, DocumentCheck.Of(mrz), null);
        }

        var number = DocumentNames.Normalize(item.DocumentNumber ?? "");
        var state = string.IsNullOrWhiteSpace(item.IssuingState) ? null : CountryCodes.Normalize(item.IssuingState);
        var type = DocumentType.Other;
        var invalid = new Validation()
            .Require(DocumentNames.IsValidNumber(number), "documentNumber", TravelDocumentErrors.ScreenNumber,
                "Give an MRZ, or a document number of 1 to 20 letters and digits.")
            .Require(state is null || CountryCodes.IsKnown(state), "issuingState",
                TravelDocumentErrors.ScreenIssuingState, CountryCodes.Explain(item.IssuingState ?? ""))
            .Require(item.DocumentType is null || DocumentNames.TryType(item.DocumentType, out type), "documentType",
                TravelDocumentErrors.ScreenType,
                $"documentType is one of {string.Join(", ", DocumentNames.TypeNames)}.")
            .ToError();
        return invalid is null
            ? new ScreeningInput(number, state, item.DocumentType is null ? null : type, null, [],
                DocumentCheck.Unchecked, null)
            : Invalid(invalid);
    }
}
