namespace Smooth.Sandbox.Providers.Bubblewrap;

/// <summary>Settings of the bubblewrap provider.</summary>
public sealed record BubblewrapOptions
{
    /// <summary>The bwrap program (name on PATH or absolute path).</summary>
    public string BwrapPath { get; init; } = "bwrap";

    /// <summary>
    /// Where a passed namespace probe is remembered (one file per user; null for <c>~/.smooth/cache</c>), so a
    /// short-lived <c>th</c> does not start a throwaway sandbox every time.
    /// </summary>
    public string? ProbeCacheDir { get; init; }
}
