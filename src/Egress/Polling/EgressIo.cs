using Smooth.Core;

namespace Smooth.Egress.Polling;

/// <summary>Which backend moves the proxy's socket bytes.</summary>
internal enum EgressIo
{
    /// <summary>Readiness: edge-triggered epoll and non-blocking socket calls (<see cref="SocketPoller"/>).</summary>
    Epoll,
    /// <summary>Completion: one io_uring owned by one thread (<see cref="UringPoller"/>).</summary>
    Uring,
}

/// <summary>
/// Chooses the proxy's I/O backend once per process: <c>SMOOTH_EGRESS_IO=epoll|uring</c> when set, otherwise
/// <see cref="PreferUring"/> decides, with epoll whenever io_uring cannot be set up here (old kernel, the
/// <c>kernel.io_uring_disabled</c> sysctl, a seccomp filter, as in a sandbox or a default Docker container).
/// </summary>
internal static class EgressIoSelection
{
    /// <summary>The environment variable that overrides the choice.</summary>
    public const string Variable = "SMOOTH_EGRESS_IO";

    /// <summary>
    /// Whether io_uring is the default where it is available. Decided from the bench (docs/benchmarks.md, Egress,
    /// "2026-12-01, io_uring proxy").
    /// </summary>
    public const bool PreferUring = true;

    private static readonly Lazy<EgressIo> Chosen = new(() => Choose(Environment.GetEnvironmentVariable(Variable)),
        LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The process's backend; throws <see cref="SmoothException"/> when the variable asks for what cannot be had.</summary>
    public static EgressIo Default => Chosen.Value;

    /// <summary>The backend for <paramref name="value"/> of <see cref="Variable"/> (null or empty: the default).</summary>
    public static EgressIo Choose(string? value) => Choose(value, static () => UringPoller.TryShared(out var why) is null ? why : null);

    /// <summary>
    /// The backend for <paramref name="value"/>, where <paramref name="unavailable"/> says why io_uring cannot be used,
    /// or null when it can (asked only when the answer matters: setting the ring up starts its thread).
    /// </summary>
    internal static EgressIo Choose(string? value, Func<string?> unavailable)
    {
        switch (value?.Trim().ToLowerInvariant())
        {
            case null or "":
                return PreferUring && unavailable() is null ? EgressIo.Uring : EgressIo.Epoll;
            case "epoll":
                return EgressIo.Epoll;
            case "uring" or "io_uring":
                if (unavailable() is { } why)
                {
                    throw new SmoothException($"{Variable}=uring, but io_uring is not available here: {why}",
                        $"unset {Variable} or set it to epoll", ExitCodes.Environment);
                }
                return EgressIo.Uring;
            default:
                throw new SmoothException($"{Variable}={value} is not a known I/O backend", "use epoll or uring", ExitCodes.BadInput);
        }
    }
}
