namespace Smooth.Operator.Bench;

/// <summary>
/// One timed <c>th exec</c>, in milliseconds from the moment the bench started the process: when the sandbox run was
/// created and its snapshot shipped (audit log, host clock), when the operator stamped its <c>started</c> event, and when
/// the scripted server saw the first model request; plus the whole run.
/// </summary>
public sealed record ExecTiming(string RunId, double CreatedMs, double ShippedMs, double StartedMs, double FirstRequestMs, double TotalMs);
