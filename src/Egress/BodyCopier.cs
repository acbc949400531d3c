using System.Buffers;
using System.Globalization;
using System.Text;

namespace Smooth.Egress;

/// <summary>Copies one HTTP/1.x message body from a buffered reader to a stream, by length, chunked, or until close.</summary>
internal static class BodyCopier
{
    private const int ChunkSize = 64 * 1024;
    private const int MaxChunkLine = 8 * 1024;

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

    /// <summary>Copies a chunked body, validating each chunk-size line, including the trailer section.</summary>
    public static async Task<long> CopyChunkedAsync(BufferedReader from, Stream to, CancellationToken ct)
    {
        long total = 0;
        while (true)
        {
            var line = await from.ReadLineAsync(MaxChunkLine, ct);
            var size = ParseChunkSize(line);
            await to.WriteAsync(line, ct);
            await to.WriteAsync("\r\n"u8.ToArray(), ct);
            total += line.Length + 2;
            if (size == 0) break;
            total += await CopyExactAsync(from, to, size, ct);
            var end = await from.ReadLineAsync(2, ct);
            if (end.Length != 0) throw new HttpProtocolException(400, "chunk not followed by CRLF");
            await to.WriteAsync("\r\n"u8.ToArray(), ct);
            total += 2;
        }
        while (true)
        {
            var trailer = await from.ReadLineAsync(MaxChunkLine, ct);
            await to.WriteAsync(trailer, ct);
            await to.WriteAsync("\r\n"u8.ToArray(), ct);
            total += trailer.Length + 2;
            if (trailer.Length == 0) return total;
        }
    }

    private static long ParseChunkSize(byte[] line)
    {
        var text = Encoding.Latin1.GetString(line);
        var semi = text.IndexOf(';');
        var hex = (semi >= 0 ? text[..semi] : text).Trim(' ', '\t');
        if (hex.Length is 0 or > 15 || !long.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var size))
        {
            throw new HttpProtocolException(400, "malformed chunk size");
        }
        return size;
    }
}
