using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;

namespace Passerelle.IntegrationTests.Support;

/// <summary>What reached a receiver, with its Standard Webhooks headers.</summary>
public sealed record ReceivedWebhook(string Path, string Body, string Id, string Timestamp, string Signature);

/// <summary>
/// Stands in for an owner's endpoint: a real HTTP server on a free loopback port, so deliveries go through the same
/// sockets, address checks and redirect rules as in production. It records what it accepts and can fail, redirect or
/// hang when a test asks. Its host, 127.0.0.1, reaches it only when the app's configuration allow-lists it.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication server;
    private readonly ConcurrentDictionary<string, int> requests = new(StringComparer.Ordinal);

    private WebhookReceiver(WebApplication server) => this.server = server;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Answer the first request with a 500.</summary>
    public bool FailFirst { get; set; }

    public TaskCompletionSource Failed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Answer every request with a 302 to this address instead of taking it.</summary>
    public Uri? RedirectTo { get; set; }

    /// <summary>Hold requests to <see cref="HangPath"/> until the test completes this.</summary>
    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string? HangPath { get; set; }

    /// <summary>The requests this receiver accepted with a 204, in order.</summary>
    public Channel<ReceivedWebhook> Received { get; } = Channel.CreateUnbounded<ReceivedWebhook>();

    /// <summary>How many requests reached <paramref name="path"/>, whatever they were answered.</summary>
    public int RequestsTo(string path) => requests.GetValueOrDefault(path);

    public int AllRequests => requests.Values.Sum();

    public Uri Url(string path) => new(BaseAddress, path);

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var receiver = new WebhookReceiver(builder.Build());
        receiver.server.Run(receiver.AnswerAsync);
        await receiver.server.StartAsync();
        var address = receiver.server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.Single();
        receiver.BaseAddress = new Uri(address);
        return receiver;
    }

    /// <summary>
    /// Checks a delivery the way a Standard Webhooks receiver does, independently of Passerelle's signing code:
    /// HMAC-SHA256 keyed by the base64 after <c>whsec_</c>, over "id.timestamp.body", base64, after "v1,".
    /// </summary>
    public static void AssertSigned(ReceivedWebhook delivery, string secret)
    {
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        var expected = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{delivery.Id}.{delivery.Timestamp}.{delivery.Body}"));
        Assert.Contains($"v1,{Convert.ToBase64String(expected)}", delivery.Signature.Split(' '));
    }

    public async ValueTask DisposeAsync()
    {
        Release.TrySetResult();
        await server.DisposeAsync();
    }

    private async Task AnswerAsync(HttpContext http)
    {
        var path = http.Request.Path.Value ?? "/";
        requests.AddOrUpdate(path, 1, (_, n) => n + 1);
        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(http.RequestAborted);
        if (FailFirst)
        {
            FailFirst = false;
            Failed.TrySetResult();
            http.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return;
        }

        if (RedirectTo is { } target)
        {
            http.Response.Redirect(target.ToString());
            return;
        }

        if (path == HangPath)
        {
            await Release.Task.WaitAsync(http.RequestAborted);
        }

        var headers = http.Request.Headers;
        Received.Writer.TryWrite(new ReceivedWebhook(path, body, headers["webhook-id"].ToString(),
            headers["webhook-timestamp"].ToString(), headers["webhook-signature"].ToString()));
        http.Response.StatusCode = StatusCodes.Status204NoContent;
    }
}
