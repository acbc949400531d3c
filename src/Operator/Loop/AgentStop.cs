namespace Smooth.Operator.Loop;

/// <summary>Why a coding turn ended.</summary>
public enum AgentStop
{
    /// <summary>The model answered without calling tools.</summary>
    Completed,
    /// <summary>The iteration cap was reached.</summary>
    MaxIterations,
    /// <summary>The budget was reached.</summary>
    Budget,
    /// <summary>A person cancelled the run.</summary>
    Cancelled,
    /// <summary>The model could not be reached or kept failing.</summary>
    ModelError,
}
