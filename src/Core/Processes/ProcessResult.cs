namespace Smooth.Core.Processes;

/// <summary>The outcome of a finished child process.</summary>
/// <param name="ExitCode">The exit code (128+signal when killed by a signal, -1 when killed on timeout).</param>
/// <param name="StandardOutput">Captured stdout, possibly truncated to the configured cap.</param>
/// <param name="StandardError">Captured stderr, possibly truncated to the configured cap.</param>
/// <param name="TimedOut">True when the process was killed because its timeout expired.</param>
/// <param name="OutputTruncated">True when stdout or stderr exceeded the cap.</param>
/// <param name="Elapsed">Wall-clock time from start to exit.</param>
public sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError, bool TimedOut, bool OutputTruncated, TimeSpan Elapsed)
{
    /// <summary>True when the process exited with 0 and did not time out.</summary>
    public bool Succeeded => ExitCode == 0 && !TimedOut;
}
