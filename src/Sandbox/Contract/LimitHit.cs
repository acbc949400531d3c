namespace Smooth.Sandbox.Contract;

/// <summary>Which limit stopped a sandboxed command; each is reported distinctly.</summary>
public enum LimitHit
{
    /// <summary>Wall-clock timeout.</summary>
    Timeout,
    /// <summary>Too much output.</summary>
    Output,
    /// <summary>Too many processes (fork bomb).</summary>
    Processes,
    /// <summary>Out of memory.</summary>
    Memory,
}
