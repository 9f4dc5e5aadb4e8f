using System.Globalization;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Passerelle.Errors;

namespace Passerelle.Api.Contract;

/// <summary>
/// Each operation's problem responses, one per status it can answer with, each naming its codes: those the host
/// answers every such route with (a token refused, a body it cannot read, a database out of reach, ...) and those
/// the route and its groups declare (<see cref="DocumentedErrors"/>).
/// </summary>
internal sealed class ErrorResponses : IOpenApiOperationTransformer
{
    /// <summary>Where an operation keeps its codes for the list of every code (<see cref="ApiDocument"/>).</summary>
    public const string CodesKey = "passerelle.error-codes";

    private static readonly HashSet<BindingSource> Bound =
        [BindingSource.Path, BindingSource.Query, BindingSource.Header, BindingSource.Body, BindingSource.Form];

    public Task TransformAsync(
        OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var codes = CodesOf(context.Description).Distinct().ToList();
        operation.Responses ??= [];
        foreach (var status in codes.GroupBy(code => code.Status).OrderBy(status => status.Key))
        {
            operation.Responses[status.Key.ToString(CultureInfo.InvariantCulture)] =
                Response(status.Key, status, context.Document);
        }

        operation.Metadata ??= new Dictionary<string, object>(StringComparer.Ordinal);
        operation.Metadata[CodesKey] = codes;
        return Task.CompletedTask;
    }

    private static IEnumerable<HttpErrorCode> CodesOf(ApiDescription api)
    {
        if (BearerSecurity.RequiresToken(api))
        {
            yield return HttpErrors.AuthRequired;
            foreach (var refusal in HttpErrors.BearerRefusals)
            {
                yield return HttpErrors.Of(refusal);
            }

            yield return HttpErrors.AccessDenied;
        }

        var parameters = api.ParameterDescriptions
            .Where(parameter => parameter.Source is not null && Bound.Contains(parameter.Source)).ToList();
        var json = parameters.Any(p => p.Source == BindingSource.Body);
        if (parameters.Count > 0)
        {
            // ThrowOnBadRequest: a value the framework cannot bind is a 400 of the host's, not a 500.
            yield return HttpErrors.RequestInvalid;
        }

        if (json)
        {
            yield return HttpErrors.MalformedJson;
            yield return HttpErrors.UnsupportedMediaType;
        }

        if (json || api.SupportedRequestFormats.Count > 0)
        {
            yield return HttpErrors.TooLarge;
        }

        if (parameters.Any(p => p.Source == BindingSource.Path))
        {
            // An identifier that is not even well formed matches no route.
            yield return HttpErrors.NotFound;
        }

        yield return HttpErrors.RateLimited;
        yield return HttpErrors.ServerError;
        yield return HttpErrors.DatabaseUnavailable;
        yield return HttpErrors.ServerStopping;
        yield return HttpErrors.StorageFull;
        foreach (var declared in api.ActionDescriptor.EndpointMetadata.OfType<DocumentedErrors>())
        {
            foreach (var code in declared.Codes)
            {
                yield return code;
            }
        }
    }

    private static OpenApiResponse Response(int status, IEnumerable<HttpErrorCode> codes, OpenApiDocument? document)
    {
        var response = new OpenApiResponse
        {
            Description = $"{Problems.TitleOf(status)} Codes: {string.Join(", ", codes.Select(c => $"`{c.Code}`"))}.",
            Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
            {
                [ProblemSchema.MediaType] = new() { Schema = new OpenApiSchemaReference(ProblemSchema.Id, document) },
            },
        };
        if (status is StatusCodes.Status429TooManyRequests or StatusCodes.Status503ServiceUnavailable)
        {
            response.Headers = new Dictionary<string, IOpenApiHeader>(StringComparer.Ordinal)
            {
                ["Retry-After"] = new OpenApiHeader
                {
                    Description = "How many seconds to wait before trying again.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
                },
            };
        }

        return response;
    }
}
