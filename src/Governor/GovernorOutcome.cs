namespace Smooth.Governor;

/// <summary>Why the governor stopped.</summary>
public enum StopReason
{
    /// <summary>All tests pass.</summary>
    Green,
    /// <summary>Few failures left and the last turn did not reduce them.</summary>
    Plateau,
    /// <summary>The next turn would exceed the budget.</summary>
    Budget,
    /// <summary>The iteration cap was reached.</summary>
    IterationCap,
}

/// <summary>How a governed run ended.</summary>
/// <param name="Reason">Why it stopped.</param>
/// <param name="Iterations">Coding turns run.</param>
/// <param name="FinalFailing">Failures in the workspace as left (after any restore); null if never measured.</param>
/// <param name="BestFailing">Fewest failures seen.</param>
/// <param name="RestoredBest">True when the final state was worse than the best and the best was restored.</param>
/// <param name="CostUsd">Total model spend.</param>
public sealed record GovernorOutcome(StopReason Reason, int Iterations, int? FinalFailing, int? BestFailing, bool RestoredBest, decimal CostUsd);
