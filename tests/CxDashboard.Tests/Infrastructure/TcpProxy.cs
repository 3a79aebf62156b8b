using System.Net;
using System.Net.Sockets;

namespace CxDashboard.Tests.Infrastructure;

/// <summary>
/// A TCP forwarder in front of the test PostgreSQL that can be taken down (connections cut, new ones refused)
/// and brought back on the same port: the database "going away" for a running host.
/// </summary>
public sealed class TcpProxy : IAsyncDisposable
{
    private readonly string targetHost;
    private readonly int targetPort;
    private readonly List<TcpClient> open = [];
    private TcpListener? listener;
    private CancellationTokenSource stop = new();

    public TcpProxy(string targetHost, int targetPort)
    {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Up();
    }

    public int Port { get; }

    public void Up()
    {
        stop = new CancellationTokenSource();
        listener = new TcpListener(IPAddress.Loopback, Port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        _ = AcceptAsync(listener, stop.Token);
    }

    /// <summary>Refuses new connections and cuts the open ones.</summary>
    public void Down()
    {
        stop.Cancel();
        listener?.Stop();
        lock (open)
        {
            foreach (var c in open) c.Close();
            open.Clear();
        }
    }

    private async Task AcceptAsync(TcpListener l, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await l.AcceptTcpClientAsync(ct);
            }
            catch (Exception) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            var server = new TcpClient();
            try
            {
                await server.ConnectAsync(targetHost, targetPort, ct);
            }
            catch (Exception)
            {
                client.Close();
                continue;
            }
            lock (open)
            {
                open.Add(client);
                open.Add(server);
            }
            _ = Pump(client, server, ct);
            _ = Pump(server, client, ct);
        }
    }

    private static async Task Pump(TcpClient from, TcpClient to, CancellationToken ct)
    {
        try
        {
            await from.GetStream().CopyToAsync(to.GetStream(), ct);
        }
        catch (Exception)
        {
            // Cut by Down() or by either side closing.
        }
        from.Close();
        to.Close();
    }

    public ValueTask DisposeAsync()
    {
        Down();
        return ValueTask.CompletedTask;
    }
}
