namespace Smooth.Egress;

/// <summary>
/// A read buffer over a socket stream that can find message heads and chunk-size lines without losing the bytes after
/// them; body bytes already buffered are handed out first, then reads go straight to the stream.
/// </summary>
internal sealed class BufferedReader(Stream stream, int capacity)
{
    private readonly byte[] _buffer = new byte[capacity];
    private int _start;
    private int _end;

    /// <summary>Bytes taken from the stream so far.</summary>
    public long BytesRead { get; private set; }

    /// <summary>How many bytes are buffered and not yet consumed.</summary>
    public int Buffered => _end - _start;

    /// <summary>
    /// Reads up to and including the blank line that ends a message head. Returns null on a clean end of stream before
    /// any byte; throws <see cref="HttpProtocolException"/> when the head is too large or the stream ends inside it.
    /// </summary>
    public async ValueTask<byte[]?> ReadHeadAsync(int maxSize, CancellationToken ct)
    {
        var scanned = 0;
        while (true)
        {
            var window = _buffer.AsSpan(_start, _end - _start);
            var found = window[scanned..].IndexOf("\r\n\r\n"u8);
            if (found >= 0)
            {
                var length = scanned + found + 4;
                var head = window[..length].ToArray();
                Consume(length);
                return head;
            }
            scanned = Math.Max(0, window.Length - 3);
            if (window.Length >= maxSize)
            {
                throw new HttpProtocolException(431, "request head too large");
            }
            if (!await FillAsync(ct))
            {
                if (_end - _start == 0) return null;
                throw new HttpProtocolException(400, "connection closed inside a message head");
            }
        }
    }

    /// <summary>Reads one CRLF-terminated line (without the CRLF); throws when longer than <paramref name="maxSize"/>.</summary>
    public async ValueTask<byte[]> ReadLineAsync(int maxSize, CancellationToken ct)
    {
        var scanned = 0;
        while (true)
        {
            var window = _buffer.AsSpan(_start, _end - _start);
            var found = window[scanned..].IndexOf("\r\n"u8);
            if (found >= 0)
            {
                var line = window[..(scanned + found)].ToArray();
                Consume(scanned + found + 2);
                return line;
            }
            scanned = Math.Max(0, window.Length - 1);
            if (window.Length >= maxSize) throw new HttpProtocolException(400, "line too long in chunked body");
            if (!await FillAsync(ct)) throw new HttpProtocolException(400, "connection closed inside a chunked body");
        }
    }

    /// <summary>Reads into <paramref name="destination"/>: buffered bytes first, otherwise straight from the stream. 0 at end.</summary>
    public async ValueTask<int> ReadAsync(Memory<byte> destination, CancellationToken ct)
    {
        if (_end > _start)
        {
            var n = Math.Min(destination.Length, _end - _start);
            _buffer.AsMemory(_start, n).CopyTo(destination);
            Consume(n);
            return n;
        }
        var read = await stream.ReadAsync(destination, ct);
        BytesRead += read;
        return read;
    }

    /// <summary>Takes up to <paramref name="max"/> buffered bytes without reading the stream (for coalescing writes).</summary>
    public ReadOnlyMemory<byte> TakeBuffered(int max)
    {
        var n = Math.Min(max, _end - _start);
        var taken = _buffer.AsMemory(_start, n);
        Consume(n);
        return taken;
    }

    private void Consume(int n)
    {
        _start += n;
        if (_start == _end)
        {
            _start = 0;
            _end = 0;
        }
    }

    private async ValueTask<bool> FillAsync(CancellationToken ct)
    {
        if (_end == _buffer.Length)
        {
            if (_start == 0) return true; // full: the caller's size check fires
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }
        var n = await stream.ReadAsync(_buffer.AsMemory(_end), ct);
        BytesRead += n;
        _end += n;
        return n > 0;
    }
}
