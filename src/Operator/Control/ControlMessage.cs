namespace Smooth.Operator.Control;

/// <summary>A person's instruction to a running operator.</summary>
/// <param name="Seq">Position in the run's control stream, from 1.</param>
/// <param name="Kind">One of <see cref="ControlKinds"/>.</param>
/// <param name="Text">Guidance for <c>steer</c>, the reply for <c>answer</c>; empty otherwise.</param>
public sealed record ControlMessage(long Seq, string Kind, string Text = "");
