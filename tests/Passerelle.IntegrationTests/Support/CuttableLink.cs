using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Passerelle.IntegrationTests.Support;

/// <summary>
/// A TCP relay between an app and its PostgreSQL database that a test can cut and restore: a cut breaks every open
/// connection mid-flight and refuses new ones, as a database restart does, without stopping the shared cluster.
/// </summary>
public sealed class CuttableLink : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly DnsEndPoint target;
    private readonly ConcurrentDictionary<Socket, byte> open = new();
    private readonly CancellationTokenSource stop = new();
    private readonly Task accepting;
    private volatile bool cut;

    /// <summary>A link to the database of <paramref name="connectionString"/>.</summary>
    public CuttableLink(string connectionString)
    {
        var direct = new NpgsqlConnectionStringBuilder(connectionString);
        target = new DnsEndPoint(direct.Host!, direct.Port);
        listener.Start();
        ConnectionString = new NpgsqlConnectionStringBuilder(connectionString)
        {
            Port = ((IPEndPoint)listener.LocalEndpoint).Port,
        }.ConnectionString;
        accepting = Task.Run(AcceptAsync);
    }

    /// <summary>The same database, reached through the link; its own port gives it a connection pool of its own.</summary>
    public string ConnectionString { get; }

    public void Cut()
    {
        cut = true;
        foreach (var socket in open.Keys)
        {
            Close(socket);
        }
    }

    public void Restore() => cut = false;

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        Cut();
        await accepting.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            var client = await listener.AcceptSocketAsync(stop.Token);
            if (cut)
            {
                Close(client);
                continue;
            }

            _ = Task.Run(() => RelayAsync(client));
        }
    }

    private async Task RelayAsync(Socket client)
    {
        var server = new Socket(SocketType.Stream, ProtocolType.Tcp);
        open[client] = 0;
        open[server] = 0;
        try
        {
            await server.ConnectAsync(target, stop.Token);
            await Task.WhenAny(PumpAsync(client, server), PumpAsync(server, client));
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // A cut, or the end of the test.
        }
        finally
        {
            Close(client);
            Close(server);
        }
    }

    private async Task PumpAsync(Socket from, Socket to)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await from.ReceiveAsync(buffer, stop.Token)) > 0)
            {
                await to.SendAsync(buffer.AsMemory(0, read), stop.Token);
            }
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The other side closed, or the link was cut.
        }
    }

    private void Close(Socket socket)
    {
        open.TryRemove(socket, out _);
        try
        {
            socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Already closed.
        }

        socket.Dispose();
    }
}
