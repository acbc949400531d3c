namespace Smooth.Audit.Server;

/// <summary>Wire form of a batch posted by a Scribe in another process to <c>POST /events</c>.</summary>
/// <param name="Events">The events, in order.</param>
public sealed record AppendBatch(IReadOnlyList<WireEvent> Events);

/// <summary>Wire form of one event.</summary>
/// <param name="Type">Event type.</param>
/// <param name="Source">Emitting component.</param>
/// <param name="Time">When it happened.</param>
/// <param name="Attributes">Attributes (no secrets).</param>
/// <param name="TraceParent">W3C traceparent, if any.</param>
public sealed record WireEvent(string Type, string Source, DateTimeOffset Time, Dictionary<string, string> Attributes, string? TraceParent);
