namespace Smooth.Surveillance.Judge;

/// <summary>Decides the gray-area cases of the fast tier. Implementations must fail closed (escalate) and be thread-safe.</summary>
public interface ISurveillanceJudge
{
    /// <summary>Judges one case.</summary>
    Task<JudgeVerdict> JudgeAsync(JudgeRequest request, CancellationToken ct);
}
