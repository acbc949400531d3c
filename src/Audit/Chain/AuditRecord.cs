namespace Smooth.Audit.Chain;

/// <summary>One stored event: its position in the chain, its content, and the hashes that link it to the one before.</summary>
/// <param name="Seq">1-based position; contiguous.</param>
/// <param name="Time">When the event happened (UTC, round-trip format).</param>
/// <param name="Type">Event type, e.g. <c>sandbox.created</c>.</param>
/// <param name="Source">Emitting component.</param>
/// <param name="TraceParent">W3C traceparent, if any.</param>
/// <param name="Attributes">Event attributes, keys sorted.</param>
/// <param name="PrevHash">Hash of the previous record (64 zeros for the first).</param>
/// <param name="Hash">SHA-256 over <paramref name="PrevHash"/> and the canonical form of this record.</param>
public sealed record AuditRecord(
    long Seq,
    string Time,
    string Type,
    string Source,
    string? TraceParent,
    SortedDictionary<string, string> Attributes,
    string PrevHash,
    string Hash);
