using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace Passerelle.Core.Common;

/// <summary>
/// How an expected failure should be understood by every front end. Where an answer carries one (a manifest's bad
/// item), it is written by name, such as <c>invalid</c>, never as a number a client would have to look up.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<ErrorKind>))]
public enum ErrorKind
{
    [JsonStringEnumMemberName("invalid")]
    Invalid,

    [JsonStringEnumMemberName("not-found")]
    NotFound,

    [JsonStringEnumMemberName("conflict")]
    Conflict,

    [JsonStringEnumMemberName("forbidden")]
    Forbidden,

    /// <summary>The input is larger than allowed.</summary>
    [JsonStringEnumMemberName("too-large")]
    TooLarge,

    /// <summary>The input is of a kind that is not accepted, judged by its content.</summary>
    [JsonStringEnumMemberName("unsupported")]
    Unsupported,

    /// <summary>The server is saturated for now; the same request may succeed a moment later.</summary>
    [JsonStringEnumMemberName("busy")]
    Busy,
}

/// <summary>An expected failure, with a stable code such as <c>agency.duplicate</c>, and the fields at fault.</summary>
public sealed record Error(
    string Code, string Message, ErrorKind Kind, IReadOnlyDictionary<string, string[]>? Fields = null);

/// <summary>A value or an expected failure.</summary>
public readonly record struct Result<T>
{
    private Result(T? value, Error? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    public Error? Error { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
#pragma warning disable CS8775 // A success is only built from a value, so Value is set whenever Error is not.
    public bool Succeeded => Error is null;
#pragma warning restore CS8775

    public static implicit operator Result<T>(T value) => new(value, null);

    public static implicit operator Result<T>(Error error) => new(default, error);

    /// <summary>For values whose static type is an interface, which C# does not convert implicitly.</summary>
    public static Result<T> From(T value) => new(value, null);
}

/// <summary>Collects every field error of a request, so a person fixes them all at once.</summary>
public sealed class Validation
{
    private Dictionary<string, List<string>>? fields;
    private string? firstCode;
    private string? firstMessage;

    public Validation Require(bool condition, string field, ErrorCode code, string message)
    {
        // A failed validation answers 400; a code of another kind is documented in the contract with another status.
        if (code.Kind != ErrorKind.Invalid)
        {
            throw new ArgumentException($"{code.Code} is not a validation code.", nameof(code));
        }

        if (!condition)
        {
            firstCode ??= code.Code;
            firstMessage ??= message;
            fields ??= new Dictionary<string, List<string>>(StringComparer.Ordinal);
            if (!fields.TryGetValue(field, out var messages))
            {
                fields[field] = messages = [];
            }

            messages.Add(message);
        }

        return this;
    }

    public Error? ToError() => firstCode is null
        ? null
        : new Error(
            firstCode, firstMessage!, ErrorKind.Invalid,
            fields!.ToDictionary(f => f.Key, f => f.Value.ToArray(), StringComparer.Ordinal));
}
