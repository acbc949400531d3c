using Smooth.Operator.Events;

namespace Smooth.Operator.Api;

/// <summary>Body of <c>POST /v1/events</c>: events in sequence order.</summary>
/// <param name="Events">The events.</param>
public sealed record EventBatch(IReadOnlyList<OperatorEvent> Events);
