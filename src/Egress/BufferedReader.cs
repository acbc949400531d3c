using System.Runtime.CompilerServices;

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

    /// <summary>How many bytes are buffered and not yet consumed.</summary>
    public int Buffered => _end - _start;

    /// <summary>
    /// Reads up to and including the blank line that ends a message head. Returns null on a clean end of stream before
    /// any byte; throws <see cref="HttpProtocolException"/> when the head is too large or the stream ends inside it.
    /// </summary>
    public async ValueTask<byte[]?> ReadHeadAsync(int maxSize, CancellationToken ct)
    {
        if (await PeekHeadAsync(maxSize, ct) is not { } length) return null;
        var head = _buffer.AsSpan(_start, length).ToArray();
        Consume(length);
        return head;
    }

    /// <summary>
    /// Buffers a whole message head and returns its length (through the blank line) without consuming it, so it can be
    /// parsed in place and forwarded together with the body bytes behind it. Null and exceptions as <see cref="ReadHeadAsync"/>.
    /// </summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<int?> PeekHeadAsync(int maxSize, CancellationToken ct)
    {
        var scanned = 0;
        while (true)
        {
            var window = _buffer.AsSpan(_start, _end - _start);
            var found = window[scanned..].IndexOf("\r\n\r\n"u8);
            if (found >= 0) return scanned + found + 4;
            scanned = Math.Max(0, window.Length - 3);
            if (window.Length >= maxSize)
            {
                throw new HttpProtocolException(431, "request head too large");
            }
            // The fill inline (not FillAsync): one state machine less to resume on every message.
            var space = FillSpace();
            if (space.IsEmpty) continue; // full: the size check above fires
            var n = await stream.ReadAsync(space, ct);
            _end += n;
            if (n == 0)
            {
                if (_end - _start == 0) return null;
                throw new HttpProtocolException(400, "connection closed inside a message head");
            }
        }
    }

    /// <summary>The buffered, unconsumed bytes; valid until the next read or fill.</summary>
    public ReadOnlyMemory<byte> BufferedMemory => _buffer.AsMemory(_start, _end - _start);

    /// <summary>Adds <paramref name="n"/> bytes read into <see cref="FillSpace"/> to the buffered ones.</summary>
    public void Advance(int n)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(n, _buffer.Length - _end);
        _end += n;
    }

    /// <summary>How many bytes the buffer holds at most.</summary>
    public int Capacity => _buffer.Length;

    /// <summary>Marks <paramref name="n"/> buffered bytes as consumed.</summary>
    public void Skip(int n)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(n, _end - _start);
        Consume(n);
    }

    /// <summary>Reads into <paramref name="destination"/>: buffered bytes first, otherwise straight from the stream. 0 at end.</summary>
    public ValueTask<int> ReadAsync(Memory<byte> destination, CancellationToken ct)
    {
        if (_end > _start)
        {
            var n = Math.Min(destination.Length, _end - _start);
            _buffer.AsMemory(_start, n).CopyTo(destination);
            Consume(n);
            return ValueTask.FromResult(n);
        }
        // Not async: the socket's own pooled ValueTask is handed through, so a relay loop allocates nothing per read.
        return stream.ReadAsync(destination, ct);
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

    /// <summary>
    /// Reads more bytes from the stream behind the buffered ones (moving them to the front when the buffer's end is
    /// reached); false at end of stream. A full buffer returns true without reading: callers bound what they buffer.
    /// </summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<bool> FillAsync(CancellationToken ct)
    {
        var space = FillSpace();
        if (space.IsEmpty) return true; // full: the caller's size check fires
        var n = await stream.ReadAsync(space, ct);
        _end += n;
        return n > 0;
    }

    /// <summary>
    /// The free space behind the buffered bytes (moving them to the front when the end is reached), for a caller that
    /// reads the socket itself; empty when full. Bytes read into it count once <see cref="Advance"/> is called.
    /// </summary>
    public Memory<byte> FillSpace()
    {
        if (_end == _buffer.Length)
        {
            if (_start == 0) return Memory<byte>.Empty;
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }
        return _buffer.AsMemory(_end);
    }
}
