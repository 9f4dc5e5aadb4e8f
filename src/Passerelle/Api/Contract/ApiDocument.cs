using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Passerelle.Errors;

namespace Passerelle.Api.Contract;

/// <summary>
/// The document as a whole: what the API is for, how it is reached, the problem details every error shares, and
/// every code any operation may answer with, listed once by status where a reader of the reference meets it first.
/// </summary>
internal sealed class ApiDocument : IOpenApiDocumentTransformer
{
    private const string Introduction = """
        Passerelle's API for machines: border-control systems, airline check-in, other nodes and scripts. Every call
        carries an API token (`Authorization: Bearer <token>`); the token's scopes and its person's roles decide what
        it may do, and each operation says who may call it. Every record belongs to the agency that entered it.
        Consultations (screenings, look-ups, views of records and people) are written to the tamper-evident audit
        trail, with their purpose, before they are answered.

        ## Errors

        Every error is RFC 9457 problem details (`application/problem+json`): a stable `code` to act on, the
        `requestId` to quote to the administrator and, for bad input, `errors` by field. A `503` or `429` says when to
        try again in `Retry-After`. Each operation lists the codes it may answer with under each status; here are
        all of them, by family.
        """;

    public Task TransformAsync(
        OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Passerelle API",
            Version = "v1",
            Description = Introduction + "\n\n" + CodeTable(document),
            Contact = new OpenApiContact { Name = "The administrator of this Passerelle node" },
        };
        foreach (var server in document.Servers ?? [])
        {
            // The address the document was asked at; clients append paths that start with a slash.
            if (server.Url is { Length: > 1 } url)
            {
                server.Url = url.TrimEnd('/');
            }
        }

        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
        document.Components.Schemas[ProblemSchema.Id] = ProblemSchema.Create();
        return Task.CompletedTask;
    }

    /// <summary>
    /// Every code of every operation and of the host, once for each status it comes with, by family (the code's
    /// first word) so that a reader finds a capability's codes together.
    /// </summary>
    private static string CodeTable(OpenApiDocument document)
    {
        var operations = (document.Paths ?? []).Values
            .SelectMany(path => (IEnumerable<OpenApiOperation>?)path.Operations?.Values ?? []);
        var codes = operations
            .SelectMany(operation => operation.Metadata?.TryGetValue(ErrorResponses.CodesKey, out var found) == true
                ? (IEnumerable<HttpErrorCode>)found
                : [])
            .Concat(HttpErrors.All)
            .Distinct();
        var rows = codes.GroupBy(code => (Family: code.Code.Split('.')[0], code.Status))
            .OrderBy(row => row.Key.Family, StringComparer.Ordinal).ThenBy(row => row.Key.Status);
        var table = new StringBuilder("| Family | Status | Codes |\n|---|---|---|\n");
        foreach (var row in rows)
        {
            var names = row.Select(code => code.Code).Order(StringComparer.Ordinal).Select(code => $"`{code}`");
            table.Append(CultureInfo.InvariantCulture,
                $"| {row.Key.Family} | {row.Key.Status} | {string.Join(", ", names)} |\n");
        }

        return table.ToString();
    }
}
