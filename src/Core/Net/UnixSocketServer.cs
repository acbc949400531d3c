using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Smooth.Core.Net;

/// <summary>
/// A small HTTP/JSON service on a Unix socket that only its owner may connect to (mode 0600): the path is checked
/// first (a stale socket is replaced; a live one, a directory or any other file is refused and left alone), and the
/// socket is removed again on dispose.
/// </summary>
public sealed class UnixSocketServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private UnixSocketServer(WebApplication app, string socketPath)
    {
        _app = app;
        SocketPath = socketPath;
    }

    /// <summary>Where it listens (full path).</summary>
    public string SocketPath { get; }

    /// <summary>
    /// Starts listening on <paramref name="socketPath"/> with the routes <paramref name="map"/> adds (after
    /// <paramref name="configure"/> has set up services, such as a JSON context); when this returns, requests are served.
    /// </summary>
    public static async Task<UnixSocketServer> StartAsync(string socketPath, Action<WebApplication> map, CancellationToken ct,
        Action<WebApplicationBuilder>? configure = null)
    {
        var full = Path.GetFullPath(socketPath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        UnixSocketPath.Prepare(full);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(o =>
        {
            o.AddServerHeader = false;
            o.ListenUnixSocket(full);
        });
        configure?.Invoke(builder);
        var app = builder.Build();
        map(app);
        try
        {
            await app.StartAsync(ct);
        }
        catch (IOException e)
        {
            await app.DisposeAsync();
            throw new SmoothException($"could not listen on '{full}': {e.Message}", "check the path and its permissions", ExitCodes.Environment, e);
        }
        UnixSocketPath.RestrictToOwner(full);
        return new UnixSocketServer(app, full);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
        try { File.Delete(SocketPath); } catch (IOException) { }
    }
}
