namespace Smooth.Core.Processes;

/// <summary>How to start and bound a child process.</summary>
public sealed record ProcessOptions
{
    /// <summary>Working directory; null for the current one.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>Environment overrides; a null value removes the variable.</summary>
    public IReadOnlyDictionary<string, string?>? Environment { get; init; }

    /// <summary>When true the child starts with an empty environment plus <see cref="Environment"/>.</summary>
    public bool ClearEnvironment { get; init; }

    /// <summary>Text written to stdin, then stdin is closed. Null closes stdin at once.</summary>
    public string? StandardInput { get; init; }

    /// <summary>Kill the process (and its group) after this long; null for no limit.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Maximum characters kept per stream; the rest is dropped and <see cref="ProcessResult.OutputTruncated"/> set.</summary>
    public int MaxOutputChars { get; init; } = 16 * 1024 * 1024;

    /// <summary>Called with each stdout line as it arrives (for streaming output to a user).</summary>
    public Action<string>? OnStandardOutputLine { get; init; }

    /// <summary>Called with each stderr line as it arrives.</summary>
    public Action<string>? OnStandardErrorLine { get; init; }
}
