namespace Smooth.Egress.Polling;

/// <summary>
/// A <see cref="Stream"/> over a <see cref="PolledSocket"/>, owning it: what the proxy's readers and copiers use in
/// place of a NetworkStream. Asynchronous only; a synchronous call is a programming error here.
/// </summary>
internal sealed class PolledStream(PolledSocket socket) : Stream
{
    /// <summary>The socket underneath.</summary>
    public PolledSocket Socket { get; } = socket;

    public override bool CanRead => true;
    public override bool CanWrite => true;
    public override bool CanSeek => false;

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Socket.ReceiveAsync(buffer, cancellationToken);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Socket.ReceiveAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
        Socket.SendAsync(buffer, cancellationToken);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Socket.SendAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override void Flush() { }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("the proxy's sockets are read asynchronously");

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("the proxy's sockets are written asynchronously");

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) Socket.Dispose();
        base.Dispose(disposing);
    }

    public override ValueTask DisposeAsync()
    {
        Socket.Dispose();
        return base.DisposeAsync();
    }
}
