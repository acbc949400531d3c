namespace Smooth.Core.Events;

/// <summary>
/// One structured event from any component (sandbox lifecycle, policy decision, tool call ...).
/// The audit log stores these; <see cref="Attributes"/> must never carry secrets (redact before emitting).
/// </summary>
/// <param name="Type">Dotted event type, e.g. <c>sandbox.created</c>, <c>policy.decision</c>.</param>
/// <param name="Source">The component that emitted it, e.g. <c>sandbox</c>, <c>egress</c>.</param>
/// <param name="Time">When it happened (UTC).</param>
/// <param name="Attributes">Flat string attributes (ids, reasons, sizes).</param>
/// <param name="TraceParent">W3C traceparent of the operation, when one is in flight.</param>
public sealed record SmoothEvent(string Type, string Source, DateTimeOffset Time, IReadOnlyDictionary<string, string> Attributes, string? TraceParent = null)
{
    /// <summary>Creates an event stamped now, with the ambient trace context if any.</summary>
    public static SmoothEvent Create(string type, string source, IReadOnlyDictionary<string, string>? attributes = null) =>
        new(type, source, DateTimeOffset.UtcNow, attributes ?? new Dictionary<string, string>(),
            System.Diagnostics.Activity.Current?.Id);
}
