using Smooth.Egress.Polling;

namespace Smooth.Egress.Tests;

/// <summary>
/// The I/O backends the tests run the proxy's sockets on: epoll always, io_uring where this machine can set a ring up.
/// A machine without io_uring (a kernel before 6.1, <c>kernel.io_uring_disabled</c>, a seccomp filter) is one the
/// product supports on epoll, so its io_uring tests are skipped with the reason instead of failing.
/// </summary>
public static class TestBackends
{
    /// <summary>Why io_uring cannot be used here, or null when it can.</summary>
    public static string? UringUnavailable { get; } = UringPoller.TryShared(out var why) is null ? why ?? "unknown reason" : null;

    /// <summary>The backend names: "epoll", and "uring" where available.</summary>
    public static IReadOnlyList<string> Available { get; } = UringUnavailable is null ? ["epoll", "uring"] : ["epoll"];

    /// <summary>The same, as theory data.</summary>
    public static TheoryData<string> Names() => new(Available);
}

/// <summary>A fact that needs io_uring: skipped, with the reason, on a machine where a ring cannot be set up.</summary>
public sealed class UringFactAttribute : FactAttribute
{
    /// <summary>Sets <see cref="FactAttribute.Skip"/> when io_uring is unavailable.</summary>
    public UringFactAttribute()
    {
        if (TestBackends.UringUnavailable is { } why) Skip = $"io_uring is not available on this machine: {why}";
    }
}
