using Microsoft.OpenApi;

namespace Passerelle.Api.Contract;

/// <summary>
/// RFC 9457 problem details as Passerelle writes them (<see cref="Errors.Problems"/>): the standard members, the
/// stable <c>code</c>, the <c>requestId</c>, and <c>errors</c> by field for bad input.
/// </summary>
internal static class ProblemSchema
{
    public const string Id = "ProblemDetails";

    public const string MediaType = "application/problem+json";

    public static OpenApiSchema Create() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "How every error is answered: RFC 9457 problem details with a stable code.",
        Required = new HashSet<string>(StringComparer.Ordinal) { "type", "title", "status", "code", "requestId" },
        Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
        {
            ["type"] = Text("A URI naming the kind of problem."),
            ["title"] = Text("A short, general summary of the status."),
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
            ["detail"] = Text("What went wrong this time, in English, for a person to read."),
            ["code"] = Text("The stable code to act on. Each operation lists those it may answer with, and the "
                + "API's description lists them all."),
            ["requestId"] = Text("Quote it to the administrator: it finds this request in the server's log."),
            ["traceId"] = Text("The W3C trace context of the request."),
            ["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "For bad input: the messages about each field, by the field's name.",
                AdditionalProperties = new OpenApiSchema
                {
                    Type = JsonSchemaType.Array,
                    Items = new OpenApiSchema { Type = JsonSchemaType.String },
                },
            },
        },
    };

    private static OpenApiSchema Text(string description) =>
        new() { Type = JsonSchemaType.String, Description = description };
}
