using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Passerelle.Drills.Harness;

/// <summary>What the server answered: the status, the problem's <c>code</c> and <c>detail</c>, and the body.</summary>
internal sealed record Reply(int Status, string? Code, string? Detail, string Body, string? ContentType)
{
    public bool Ok => Status is >= 200 and < 300;

    public JsonElement Json => JsonSerializer.Deserialize<JsonElement>(Body);

    public override string ToString() => Code is null ? $"{Status}" : $"{Status} {Code}";
}

/// <summary>The Passerelle API as a drill calls it, with one bearer token.</summary>
internal sealed class DrillClient : IDisposable
{
    private readonly HttpClient http;

    public DrillClient(Uri server, string token, int connections = 16)
    {
        http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            ConnectTimeout = TimeSpan.FromSeconds(5),
        })
        {
            BaseAddress = server,
            Timeout = TimeSpan.FromSeconds(60),
        };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    public Task<Reply> ScreenAsync(string number, string state, string location, CancellationToken ct = default) =>
        SendAsync(HttpMethod.Post, "/api/v1/documents/screen",
            JsonContent.Create(new ScreenBody(number, state, "border-check", location)), ct);

    public Task<Reply> RegisterAsync(string number, string state, CancellationToken ct = default) =>
        SendAsync(HttpMethod.Post, "/api/v1/documents/",
            JsonContent.Create(new RegisterBody(number, state, "passport", "stolen")), ct);

    public Task<Reply> WithdrawAsync(Guid id, CancellationToken ct = default) =>
        SendAsync(HttpMethod.Delete, $"/api/v1/documents/{id}?reason=drill", null, ct);

    public Task<Reply> ImportAsync(string csv, CancellationToken ct = default) =>
        SendAsync(HttpMethod.Post, "/api/v1/documents/import", new StringContent(csv, Encoding.UTF8, "text/csv"), ct);

    public Task<Reply> PostJsonAsync<T>(string path, T body, CancellationToken ct = default) =>
        SendAsync(HttpMethod.Post, path, JsonContent.Create(body), ct);

    public Task<Reply> PostBytesAsync(string path, byte[] body, CancellationToken ct = default) =>
        SendAsync(HttpMethod.Post, path, new ByteArrayContent(body), ct);

    public Task<Reply> GetAsync(string path, CancellationToken ct = default) =>
        SendAsync(HttpMethod.Get, path, null, ct);

    /// <summary>Sends one request; a refused or broken connection throws <see cref="HttpRequestException"/>.</summary>
    public async Task<Reply> SendAsync(
        HttpMethod method, string path, HttpContent? content, CancellationToken ct = default)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = content };
        using var response = await http.SendAsync(request, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        var (code, detail) = Problem(response, body);
        return new Reply((int)response.StatusCode, code, detail, body, response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>
    /// Sends one request and reports its status as soon as the headers arrive, before the body: a 200 whose body is
    /// cut off by a kill was still answered.
    /// </summary>
    public async Task<Reply> SendReportingEarlyAsync(
        HttpRequestMessage request, Action<int> answered, CancellationToken ct)
    {
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        answered((int)response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(ct);
        var (code, detail) = Problem(response, body);
        return new Reply((int)response.StatusCode, code, detail, body, response.Content.Headers.ContentType?.MediaType);
    }

    public void Dispose() => http.Dispose();

    private static (string? Code, string? Detail) Problem(HttpResponseMessage response, string body)
    {
        if (response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.NotModified)
        {
            return (null, null);
        }

        try
        {
            var json = JsonDocument.Parse(body).RootElement;
            return (json.TryGetProperty("code", out var c) ? c.GetString() : "(no code)",
                json.TryGetProperty("detail", out var d) ? d.GetString() : null);
        }
        catch (JsonException)
        {
            return ("(not problem+json)", null);
        }
    }

    internal sealed record ScreenBody(string DocumentNumber, string IssuingState, string Purpose, string Location);

    private sealed record RegisterBody(string DocumentNumber, string IssuingState, string DocumentType, string Status);
}
