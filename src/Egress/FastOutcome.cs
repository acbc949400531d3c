namespace Smooth.Egress;

/// <summary>Where the fast path stopped, and so what the asynchronous path of the connection does next.</summary>
internal enum FastOutcome
{
    /// <summary>The connection is done (the client left, or a response asked to close).</summary>
    Closed,
    /// <summary>The next request is not of the fast path's shape: the asynchronous path serves it from the buffered head.</summary>
    Request,
    /// <summary>The request was sent upstream; its response head is left to the full parser.</summary>
    Response,
    /// <summary>The response is being relayed; the rest of its long body goes through the asynchronous copier.</summary>
    Body,
    /// <summary>The proxy answers itself (a refusal, an upstream that could not be reached) and closes.</summary>
    Reply,
    /// <summary>An error ended the fast path; the asynchronous path treats it as its own.</summary>
    Failed,
}
