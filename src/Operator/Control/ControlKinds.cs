namespace Smooth.Operator.Control;

/// <summary>The control message kinds.</summary>
public static class ControlKinds
{
    /// <summary>Guidance injected before the next model call.</summary>
    public const string Steer = "steer";
    /// <summary>Hold at the next tool boundary.</summary>
    public const string Pause = "pause";
    /// <summary>Continue after a pause.</summary>
    public const string Resume = "resume";
    /// <summary>Stop cleanly with a partial result.</summary>
    public const string Cancel = "cancel";
    /// <summary>A reply to a question the agent asked.</summary>
    public const string Answer = "answer";

    /// <summary>True for a known kind.</summary>
    public static bool IsKnown(string kind) => kind is Steer or Pause or Resume or Cancel or Answer;
}
