using System.Text.Json;
using System.Text.Json.Serialization;

namespace Passerelle.Ceiling;

// The screening's wire shapes as Passerelle sends them (Passerelle.Core's ScreenRequest, ScreenResult and
// ScreenMatch); bench/screen-http.sh compares both servers' answers before it measures.
internal sealed record ScreenRequest(
    string? Mrz = null, string? DocumentNumber = null, string? IssuingState = null, string? DocumentType = null,
    string? Purpose = null, string? Location = null);

internal sealed record ScreenResult(
    string Result, IReadOnlyList<ScreenMatch> Matches, string DocumentCheck,
    IReadOnlyList<DocumentCheckReason> DocumentCheckReasons);

internal sealed record ScreenMatch(
    string Match, Guid RecordId, Guid CaseId, string DocumentNumber, string IssuingState, string DocumentType,
    string Status, string OwnerAgency, DateOnly ReportedOn, DateOnly? TheftOrLossOn, DateOnly? ExpiresOn,
    object? Holder, int Screenings);

internal sealed record DocumentCheckReason(string Code, string Message, string? Value);

internal sealed record Problem(string Title, int Status, string Detail);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ScreenRequest))]
[JsonSerializable(typeof(ScreenResult))]
[JsonSerializable(typeof(Problem))]
internal sealed partial class WireJson : JsonSerializerContext;
