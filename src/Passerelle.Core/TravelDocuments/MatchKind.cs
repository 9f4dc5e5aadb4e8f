using System.Text.Json.Serialization;

namespace Passerelle.Core.TravelDocuments;

/// <summary>How a record matched a screened document: stored on a hit case by name, sent in lower case.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MatchKind>))]
public enum MatchKind : byte
{
    [JsonStringEnumMemberName("hit")]
    Hit,

    [JsonStringEnumMemberName("possible")]
    Possible,
}
