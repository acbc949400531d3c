namespace Smooth.Audit.Chain;

/// <summary>
/// The last sequence number and hash, kept outside the table (in <c>audit.head</c>) so that deleting records from
/// the end of the log is detected too.
/// </summary>
/// <param name="Seq">Sequence number of the newest record.</param>
/// <param name="Hash">Its hash.</param>
public sealed record ChainHead(long Seq, string Hash);
