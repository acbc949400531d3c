using Smooth.Sandbox.Contract;

namespace Smooth.Sandbox.Providers.Common;

/// <summary>How a bounded child process ended: its exit code, the limit that stopped it, or cancellation.</summary>
internal sealed record BoundedOutcome(int ExitCode, LimitHit? Limit, bool Cancelled, string StandardOutput, string StandardError, TimeSpan Elapsed);
