namespace Smooth.Egress;

/// <summary>How an HTTP/1.x message body ends.</summary>
internal enum BodyFraming
{
    /// <summary>No body.</summary>
    None,
    /// <summary>Exactly Content-Length bytes.</summary>
    Length,
    /// <summary>Chunked transfer coding.</summary>
    Chunked,
    /// <summary>Until the sender closes the connection (responses only).</summary>
    UntilClose,
}
