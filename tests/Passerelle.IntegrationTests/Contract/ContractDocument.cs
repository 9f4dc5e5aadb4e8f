using System.Text.Json;
using System.Text.RegularExpressions;
using Passerelle.IntegrationTests.Support;

namespace Passerelle.IntegrationTests.Contract;

/// <summary>The OpenAPI document as a client generator reads it: its operations and their problem responses.</summary>
internal static partial class ContractDocument
{
    public static async Task<JsonElement> LoadAsync(TestApp app)
    {
        using var document = JsonDocument.Parse(await app.CreateClient().GetStringAsync("/openapi/v1.json"));
        return document.RootElement.Clone();
    }

    /// <summary>Every operation, named by its method and path as <c>POST /api/v1/documents</c>.</summary>
    public static IEnumerable<(string Route, JsonElement Operation)> Operations(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject().SelectMany(path => path.Value.EnumerateObject()
            .Select(method => ($"{method.Name.ToUpperInvariant()} {path.Name}", method.Value)));

    public static (string Route, JsonElement Operation) Operation(JsonElement document, string operationId) =>
        Operations(document).Single(o => Text(o.Operation, "operationId") == operationId);

    /// <summary>The operation's error responses: status, the codes its description names, and its schema.</summary>
    public static IEnumerable<(int Status, IReadOnlyList<string> Codes, string? Schema)> Problems(
        JsonElement operation) =>
        operation.GetProperty("responses").EnumerateObject()
            .Select(r => (Status: Number(r.Name), Response: r.Value))
            .Where(r => r.Status >= 400)
            .Select(r => (r.Status, (IReadOnlyList<string>)[.. Code().Matches(Text(r.Response, "description"))
                    .Select(m => m.Groups[1].Value)],
                r.Response.TryGetProperty("content", out var content)
                && content.TryGetProperty("application/problem+json", out var problem)
                    ? Text(problem.GetProperty("schema"), "$ref") : null));

    public static List<string> Codes(JsonElement operation, int status) =>
        Problems(operation).Where(p => p.Status == status).SelectMany(p => p.Codes).ToList();

    /// <summary>Whether a request's method and path are the route's, whose parameters match any one segment.</summary>
    public static bool Matches(string route, HttpRequestMessage request)
    {
        var parts = route.Split(' ', 2);
        var pattern = "^" + Parameter().Replace(Regex.Escape(parts[1].TrimEnd('/')), "[^/]+") + "/?$";
        return parts[0] == request.Method.Method && Regex.IsMatch(request.RequestUri!.AbsolutePath, pattern);
    }

    public static int Number(string text) => int.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    public static string Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) ? value.GetString() ?? "" : "";

    [GeneratedRegex("`([a-z0-9][a-z0-9.-]*)`")]
    public static partial Regex Code();

    // Regex.Escape leaves braces as they are, but escapes the opening one: \{id}.
    [GeneratedRegex(@"\\\{[^}]+\}")]
    private static partial Regex Parameter();
}
