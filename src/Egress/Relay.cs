using System.Buffers;
using System.Net.Sockets;

namespace Smooth.Egress;

/// <summary>Copies bytes both ways between two connections until both directions end, passing half-closes through.</summary>
internal static class Relay
{
    private const int ChunkSize = 64 * 1024;

    /// <summary>Relays until both sides have finished; returns the bytes copied a→b and b→a.</summary>
    public static async Task<(long AToB, long BToA)> RunAsync(BufferedReader aReader, Stream aStream, Socket aSocket,
        BufferedReader bReader, Stream bStream, Socket bSocket, CancellationToken ct)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var ab = HalfAsync(aReader, bStream, bSocket, cts);
        var ba = HalfAsync(bReader, aStream, aSocket, cts);
        await Task.WhenAll(ab, ba);
        return (ab.Result, ba.Result);
    }

    private static async Task<long> HalfAsync(BufferedReader from, Stream to, Socket toSocket, CancellationTokenSource cts)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        long total = 0;
        try
        {
            while (true)
            {
                var n = await from.ReadAsync(buffer, cts.Token);
                if (n == 0) break;
                await to.WriteAsync(buffer.AsMemory(0, n), cts.Token);
                total += n;
            }
            try { toSocket.Shutdown(SocketShutdown.Send); }
            catch (SocketException) { }
            catch (ObjectDisposedException) { }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // One side broke: stop the other direction too.
            cts.Cancel();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        return total;
    }
}
