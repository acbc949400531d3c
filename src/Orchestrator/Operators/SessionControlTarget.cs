using Smooth.Operator.Control;
using Smooth.Operator.Host;
using Smooth.Orchestrator.Api;
using Smooth.Orchestrator.Runs;

namespace Smooth.Orchestrator.Operators;

/// <summary>Delivers the daemon's control messages to a running operator's session.</summary>
internal sealed class SessionControlTarget(OperatorSession session) : IRunControlTarget
{
    public Task<string> DeliverAsync(RunControlMessage message, CancellationToken ct)
    {
        var kind = message.Type;
        if (!ControlKinds.IsKnown(kind)) throw new ArgumentException($"unknown control type '{kind}'", nameof(message));
        var seq = session.Send(kind, message.Text ?? "");
        return Task.FromResult($"{kind} queued for the operator (control #{seq}); it applies at the next boundary");
    }
}
