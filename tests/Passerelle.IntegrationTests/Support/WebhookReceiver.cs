using System.Net;

namespace Passerelle.IntegrationTests.Support;

/// <summary>Stands in for the owner's endpoint: fails the first call if asked, records the rest.</summary>
public sealed class WebhookReceiver : HttpMessageHandler
{
    public bool FailFirst { get; set; }

    public TaskCompletionSource Failed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public System.Threading.Channels.Channel<(string Body, string Signature)> Received { get; } = System.Threading.Channels.Channel.CreateUnbounded<(string, string)>();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (FailFirst)
        {
            FailFirst = false;
            Failed.TrySetResult();
            return new HttpResponseMessage(HttpStatusCode.InternalServerError);
        }

        var body = await request.Content!.ReadAsStringAsync(cancellationToken);
        Received.Writer.TryWrite((body, request.Headers.GetValues("X-Passerelle-Signature").Single()));
        return new HttpResponseMessage(HttpStatusCode.NoContent);
    }
}
