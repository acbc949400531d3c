using System.Net.Sockets;

namespace Smooth.Egress;

/// <summary>The accept step every listener on the egress path shares (proxy, bridge, hand-over).</summary>
internal static class SocketAccept
{
    private static readonly TimeSpan ErrorPause = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// The next connection on <paramref name="listener"/>, or null once <paramref name="ct"/> ends or the listener is
    /// closed. A failed accept (a client that reset first, descriptors running out) is retried after a short pause
    /// rather than in a tight loop.
    /// </summary>
    public static async Task<Socket?> NextAsync(Socket listener, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                return await listener.AcceptAsync(ct);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
            {
                return null;
            }
            catch (SocketException)
            {
                try
                {
                    await Task.Delay(ErrorPause, ct);
                }
                catch (OperationCanceledException)
                {
                    return null;
                }
            }
        }
        return null;
    }
}
