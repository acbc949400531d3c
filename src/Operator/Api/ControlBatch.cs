using Smooth.Operator.Control;

namespace Smooth.Operator.Api;

/// <summary>Answer of <c>GET /v1/control?after=N</c>.</summary>
/// <param name="Messages">Control messages after N, in order.</param>
public sealed record ControlBatch(IReadOnlyList<ControlMessage> Messages);
