using System.Buffers;
using System.Runtime.CompilerServices;

namespace Smooth.Egress;

/// <summary>Copies one HTTP/1.x message body from a buffered reader to a stream, by length, chunked, or until close.</summary>
internal static class BodyCopier
{
    private const int ChunkSize = 256 * 1024;
    private const int LargeChunk = 16 * 1024;

    /// <summary>Copies a body of the given framing; returns the bytes written.</summary>
    public static Task<long> CopyAsync(BodyFraming framing, long length, BufferedReader from, Stream to, CancellationToken ct) => framing switch
    {
        BodyFraming.None => Task.FromResult(0L),
        BodyFraming.Length => CopyExactAsync(from, to, length, ct),
        BodyFraming.Chunked => CopyChunkedAsync(from, to, ct),
        _ => CopyUntilCloseAsync(from, to, ct),
    };

    /// <summary>Copies exactly <paramref name="count"/> bytes; throws <see cref="IOException"/> when the source ends early.</summary>
    public static async Task<long> CopyExactAsync(BufferedReader from, Stream to, long count, CancellationToken ct)
    {
        if (count == 0) return 0;
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(ChunkSize, count));
        try
        {
            var left = count;
            while (left > 0)
            {
                var n = await from.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, left)), ct);
                if (n == 0) throw new IOException("connection closed inside a body");
                await to.WriteAsync(buffer.AsMemory(0, n), ct);
                left -= n;
            }
            return count;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Copies until the source closes.</summary>
    public static async Task<long> CopyUntilCloseAsync(BufferedReader from, Stream to, CancellationToken ct)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            long total = 0;
            int n;
            while ((n = await from.ReadAsync(buffer, ct)) > 0)
            {
                await to.WriteAsync(buffer.AsMemory(0, n), ct);
                total += n;
            }
            return total;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Copies a chunked body, validating each chunk-size line and the trailer section, and forwarding the bytes as
    /// received: whatever is buffered and complete goes out in one write, large chunk data is streamed straight through.
    /// </summary>
    public static Task<long> CopyChunkedAsync(BufferedReader from, Stream to, CancellationToken ct) =>
        CopyChunkedAsync(from, to, 0, ct).AsTask();

    /// <summary>
    /// As <see cref="CopyChunkedAsync(BufferedReader, Stream, CancellationToken)"/>, but the first
    /// <paramref name="prefix"/> buffered bytes (a message head already parsed in place) go out in the same first write.
    /// </summary>
    public static ValueTask<long> CopyChunkedAsync(BufferedReader from, Stream to, int prefix, CancellationToken ct) =>
        CopyChunkedAsync(from, to, prefix, new ChunkedScanner(), ct);

    /// <summary>
    /// Copies the rest of a chunked body whose beginning already passed through <paramref name="scanner"/> (a body the
    /// fast path started and hands on).
    /// </summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public static async ValueTask<long> CopyChunkedAsync(BufferedReader from, Stream to, int prefix, ChunkedScanner scanner, CancellationToken ct)
    {
        long total = 0;
        while (true)
        {
            var buffered = from.BufferedMemory;
            var ready = prefix + scanner.Scan(buffered.Span[prefix..]);
            prefix = 0;
            if (ready > 0)
            {
                await to.WriteAsync(buffered[..ready], ct);
                from.Skip(ready);
                total += ready;
            }
            if (scanner.Done) return total;
            if (from.Buffered == 0 && scanner.DataLeft >= LargeChunk)
            {
                // Big chunk data: read it with the large copy buffer instead of through the head buffer.
                var left = scanner.DataLeft;
                total += await CopyExactAsync(from, to, left, ct);
                scanner.DataCopied(left);
                continue;
            }
            if (!await from.FillAsync(ct)) throw new HttpProtocolException(400, "connection closed inside a chunked body");
        }
    }

    /// <summary>
    /// Forwards a message whose head is the first <paramref name="headLength"/> buffered bytes of
    /// <paramref name="from"/>, with its body: the head and the body bytes already buffered go out in one write.
    /// </summary>
    /// <returns>The bytes written, head included.</returns>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public static async ValueTask<long> ForwardMessageAsync(BufferedReader from, Stream to, int headLength, BodyFraming framing, long length, CancellationToken ct)
    {
        if (framing == BodyFraming.Chunked) return await CopyChunkedAsync(from, to, headLength, ct);
        var body = framing switch
        {
            BodyFraming.None => 0,
            BodyFraming.Length => (int)Math.Min(length, from.Buffered - headLength),
            _ => from.Buffered - headLength,
        };
        var first = headLength + body;
        await to.WriteAsync(from.BufferedMemory[..first], ct);
        from.Skip(first);
        return first + framing switch
        {
            BodyFraming.Length => await CopyExactAsync(from, to, length - body, ct),
            BodyFraming.UntilClose => await CopyUntilCloseAsync(from, to, ct),
            _ => 0,
        };
    }
}
