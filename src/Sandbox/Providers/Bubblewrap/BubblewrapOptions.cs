namespace Smooth.Sandbox.Providers.Bubblewrap;

/// <summary>Settings of the bubblewrap provider.</summary>
public sealed record BubblewrapOptions
{
    /// <summary>The bwrap program (name on PATH or absolute path).</summary>
    public string BwrapPath { get; init; } = "bwrap";
}
