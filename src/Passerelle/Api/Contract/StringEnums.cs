using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Passerelle.Api.Contract;

/// <summary>
/// An enum sent by name (<c>"hit"</c>, <c>"possible"</c>) is a string schema with those values. The generator lists
/// the values but leaves out the type, and a client generator then cannot tell what to make of them.
/// </summary>
internal sealed class StringEnums : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        if (schema.Type is null && schema.Enum is { Count: > 0 } values
            && values.All(value => value is JsonValue name && name.GetValueKind() == JsonValueKind.String))
        {
            schema.Type = JsonSchemaType.String;
        }

        return Task.CompletedTask;
    }
}
