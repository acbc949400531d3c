using System.Text;

namespace Smooth.Egress.Tests;

/// <summary>The body copier forwards messages byte for byte while validating chunked framing, however the bytes arrive.</summary>
public sealed class BodyForwardingTests
{
    private const string Head = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n";

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4096)]
    public async Task ChunkedResponse_IsForwardedUnchanged_WithExtensionsAndTrailers_InAnyReadSizes(int readSize)
    {
        var big = new string('x', 100_000); // larger than the head buffer: streamed straight through
        var body = $"d;name=value\r\nhello, world\n\r\n{big.Length:x}\r\n{big}\r\n0\r\nX-Trailer: yes\r\n\r\n";
        var input = Encoding.ASCII.GetBytes(Head + body + "NEXT");
        var reader = new BufferedReader(new TrickleStream(input, readSize), 64 * 1024);
        var output = new MemoryStream();

        var headLength = await reader.PeekHeadAsync(64 * 1024, CancellationToken.None);
        var written = await BodyCopier.ForwardMessageAsync(reader, output, headLength!.Value, BodyFraming.Chunked, 0, CancellationToken.None);

        Assert.Equal(Head + body, Encoding.ASCII.GetString(output.ToArray()));
        Assert.Equal(Head.Length + body.Length, written);
        // The next message on the connection is left for the next read.
        var rest = new byte[16];
        Assert.Equal("NEXT", Encoding.ASCII.GetString(rest, 0, await ReadAllAsync(reader, rest)));
    }

    [Theory]
    [InlineData("5\nhello\r\n0\r\n\r\n")] // bare LF ends a size line for a lenient parser behind us: smuggling
    [InlineData("5;a\rb\r\nhello\r\n0\r\n\r\n")] // bare CR inside an extension
    [InlineData("5\r\nhelloX\r\n0\r\n\r\n")] // chunk longer than its size
    [InlineData("zz\r\nhello\r\n0\r\n\r\n")] // not hex
    [InlineData("-5\r\nhello\r\n0\r\n\r\n")] // negative
    [InlineData("5\r\nhello\r\n0\r\nX-Evil: a\nb\r\n\r\n")] // bare LF in a trailer field
    public async Task MalformedChunkedFraming_IsRejected(string body)
    {
        var reader = new BufferedReader(new TrickleStream(Encoding.ASCII.GetBytes(body), 2), 64 * 1024);
        var e = await Assert.ThrowsAsync<HttpProtocolException>(() => BodyCopier.CopyChunkedAsync(reader, new MemoryStream(), CancellationToken.None));
        Assert.Equal(400, e.Status);
    }

    [Fact]
    public async Task ChunkedBody_EndingEarly_IsRejected()
    {
        var reader = new BufferedReader(new MemoryStream(Encoding.ASCII.GetBytes("5\r\nhel")), 64 * 1024);
        await Assert.ThrowsAnyAsync<Exception>(() => BodyCopier.CopyChunkedAsync(reader, new MemoryStream(), CancellationToken.None));
    }

    [Fact]
    public async Task LengthFramedResponse_HeadAndBufferedBody_GoOutInOneWrite()
    {
        var message = "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello";
        var reader = new BufferedReader(new MemoryStream(Encoding.ASCII.GetBytes(message + "HTTP/1.1 204")), 64 * 1024);
        var output = new CountingStream();

        var headLength = await reader.PeekHeadAsync(64 * 1024, CancellationToken.None);
        await BodyCopier.ForwardMessageAsync(reader, output, headLength!.Value, BodyFraming.Length, 5, CancellationToken.None);

        Assert.Equal(message, Encoding.ASCII.GetString(output.ToArray()));
        Assert.Equal(1, output.Writes);
    }

    private static async Task<int> ReadAllAsync(BufferedReader reader, byte[] into)
    {
        var total = 0;
        int n;
        while ((n = await reader.ReadAsync(into.AsMemory(total), CancellationToken.None)) > 0) total += n;
        return total;
    }

    /// <summary>Hands out at most <c>size</c> bytes per read, as a slow network would.</summary>
    private sealed class TrickleStream(byte[] data, int size) : MemoryStream(data)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default) =>
            base.ReadAsync(buffer[..Math.Min(size, buffer.Length)], ct);
    }

    private sealed class CountingStream : MemoryStream
    {
        public int Writes { get; private set; }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken ct = default)
        {
            Writes++;
            return base.WriteAsync(buffer, ct);
        }
    }
}
