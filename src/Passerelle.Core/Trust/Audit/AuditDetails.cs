using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Passerelle.Core.Trust.Audit;

/// <summary>
/// An entry's details: named fields, stored as one JSON object in the order they were added. Text glued together as
/// <c>key=value; key=value</c> let a user's value (a search, a note, a name) pass for another field; as a JSON string
/// it can only ever be its own field's value. Each text is clipped, so one long value cannot bloat the trail.
/// </summary>
public sealed class AuditDetails
{
    public const int MaxValueLength = 500;

    public const string ClipMarker = "…[clipped]";

    public static readonly AuditDetails Empty = new([]);

    // Relaxed escaping keeps names and arrows readable in the stored text; quotes, backslashes and control characters
    // are still escaped, which is all the structure needs. Pages HTML-encode the text when they show it.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly ImmutableArray<KeyValuePair<string, object?>> fields;

    private AuditDetails(ImmutableArray<KeyValuePair<string, object?>> fields) => this.fields = fields;

    public IEnumerable<string> Names => fields.Select(f => f.Key);

    public static AuditDetails With(string name, string? value) => Empty.And(name, value);

    public static AuditDetails With(string name, long? value) => Empty.And(name, value);

    public static AuditDetails With(string name, bool value) => Empty.And(name, value);

    public static AuditDetails With(string name, Guid? value) => Empty.And(name, value);

    public static AuditDetails With(string name, IEnumerable<string> values) => Empty.And(name, values);

    public AuditDetails And(string name, string? value) => Add(name, value);

    public AuditDetails And(string name, long? value) => Add(name, value);

    public AuditDetails And(string name, bool value) => Add(name, value);

    public AuditDetails And(string name, Guid? value) => Add(name, value?.ToString("D"));

    public AuditDetails And(string name, DateTime? value) =>
        Add(name, value?.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));

    public AuditDetails And(string name, DateOnly? value) =>
        Add(name, value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    public AuditDetails And(string name, IEnumerable<string> values) => Add(name, values.ToImmutableArray());

    /// <summary>The JSON object as stored: fields in the order they were added, each text clipped.</summary>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            foreach (var (name, value) in fields)
            {
                json.WritePropertyName(name);
                Write(json, value);
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public override string ToString() => ToJson();

    /// <summary>Text cut at <see cref="MaxValueLength"/> characters, never inside a surrogate pair.</summary>
    public static string Clip(string value)
    {
        if (value.Length <= MaxValueLength)
        {
            return value;
        }

        var cut = char.IsHighSurrogate(value[MaxValueLength - 1]) ? MaxValueLength - 1 : MaxValueLength;
        return value[..cut] + ClipMarker;
    }

    private AuditDetails Add(string name, object? value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (fields.Any(f => string.Equals(f.Key, name, StringComparison.Ordinal)))
        {
            throw new ArgumentException($"The audit details already have a field '{name}'.", nameof(name));
        }

        return new(fields.Add(new(name, value)));
    }

    private static void Write(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNullValue();
                break;
            case string text:
                json.WriteStringValue(Clip(text));
                break;
            case long number:
                json.WriteNumberValue(number);
                break;
            case bool flag:
                json.WriteBooleanValue(flag);
                break;
            case ImmutableArray<string> texts:
                json.WriteStartArray();
                foreach (var text in texts)
                {
                    json.WriteStringValue(Clip(text));
                }

                json.WriteEndArray();
                break;
            default:
                throw new InvalidOperationException($"An audit detail cannot be a {value.GetType().Name}.");
        }
    }
}
