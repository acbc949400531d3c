using System.Buffers.Text;

namespace Smooth.Egress;

/// <summary>
/// Validates a chunked body (RFC 9112 section 7.1) as it passes through, without copying it: <see cref="Scan"/> says how
/// many of the given bytes belong to the body, so the proxy can forward them unchanged in one write instead of one write
/// per chunk-size line, chunk and CRLF.
/// </summary>
internal struct ChunkedScanner
{
    /// <summary>The longest chunk-size line or trailer field accepted.</summary>
    public const int MaxLine = 8 * 1024;

    private State _state;

    private enum State { SizeLine, Data, DataEnd, Trailer, Done }

    /// <summary>True once the last chunk and the trailer section have passed.</summary>
    public readonly bool Done => _state == State.Done;

    /// <summary>Chunk data bytes still expected in the current chunk (0 outside chunk data).</summary>
    public long DataLeft { get; private set; }

    /// <summary>Records that <paramref name="n"/> data bytes of the current chunk were copied without scanning.</summary>
    public void DataCopied(long n)
    {
        if (_state != State.Data || n > DataLeft) throw new InvalidOperationException("not inside chunk data");
        DataLeft -= n;
        if (DataLeft == 0) _state = State.DataEnd;
    }

    /// <summary>
    /// Accepts the longest prefix of <paramref name="bytes"/> that is complete body syntax (a line is accepted only with its
    /// CRLF) and returns its length; throws <see cref="HttpProtocolException"/> on malformed framing.
    /// </summary>
    public int Scan(ReadOnlySpan<byte> bytes)
    {
        var i = 0;
        while (i < bytes.Length && _state != State.Done)
        {
            var rest = bytes[i..];
            switch (_state)
            {
                case State.Data:
                    var take = (int)Math.Min(DataLeft, rest.Length);
                    i += take;
                    DataLeft -= take;
                    if (DataLeft == 0) _state = State.DataEnd;
                    break;
                case State.DataEnd:
                    if (rest.Length < 2) return i;
                    if (rest[0] != '\r' || rest[1] != '\n') throw new HttpProtocolException(400, "chunk not followed by CRLF");
                    i += 2;
                    _state = State.SizeLine;
                    break;
                default:
                    var end = rest.IndexOf("\r\n"u8);
                    if (end < 0)
                    {
                        if (rest.Length > MaxLine) throw new HttpProtocolException(400, "line too long in chunked body");
                        return i;
                    }
                    var line = rest[..end];
                    // A bare CR or LF inside a line could be read as a line end by the next parser (request smuggling).
                    if (end > MaxLine || line.IndexOfAny((byte)'\r', (byte)'\n', (byte)0) >= 0)
                    {
                        throw new HttpProtocolException(400, "malformed line in chunked body");
                    }
                    i += end + 2;
                    if (_state == State.Trailer)
                    {
                        if (end == 0) _state = State.Done;
                    }
                    else
                    {
                        DataLeft = ParseSize(line);
                        _state = DataLeft == 0 ? State.Trailer : State.Data;
                    }
                    break;
            }
        }
        return i;
    }

    private static long ParseSize(ReadOnlySpan<byte> line)
    {
        var semi = line.IndexOf((byte)';');
        var hex = (semi >= 0 ? line[..semi] : line).Trim(" \t"u8);
        if (hex.Length is 0 or > 15 || !Utf8Parser.TryParse(hex, out long size, out var used, 'x') || used != hex.Length || size < 0)
        {
            throw new HttpProtocolException(400, "malformed chunk size");
        }
        return size;
    }
}
