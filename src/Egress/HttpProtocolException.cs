namespace Smooth.Egress;

/// <summary>A malformed or unsupported message; the proxy answers with <see cref="Status"/> and closes.</summary>
internal sealed class HttpProtocolException(int status, string message) : Exception(message)
{
    /// <summary>The HTTP status to answer with.</summary>
    public int Status { get; } = status;
}
