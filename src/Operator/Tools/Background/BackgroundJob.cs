using System.Diagnostics;
using Smooth.Operator.Tools.Shell;

namespace Smooth.Operator.Tools.Background;

/// <summary>One long-lived command started by <c>bg_run</c>, with its output kept in a bounded buffer.</summary>
public sealed class BackgroundJob(string id, string command, Process process)
{
    /// <summary>The job id (<c>bg-1</c>, ...).</summary>
    public string Id { get; } = id;

    /// <summary>The command line.</summary>
    public string Command { get; } = command;

    /// <summary>The process (a session leader: its id is the process group id).</summary>
    public Process Process { get; } = process;

    /// <summary>Recent output.</summary>
    public TailBuffer Output { get; } = new(1 << 20);

    /// <summary>When it started.</summary>
    public DateTimeOffset Started { get; } = DateTimeOffset.UtcNow;

    /// <summary>A one-line status.</summary>
    public string Status => Process.HasExited
        ? $"{Id}: exited with code {Process.ExitCode} — {Command}"
        : $"{Id}: running (pid {Process.Id}, {(int)(DateTimeOffset.UtcNow - Started).TotalSeconds}s) — {Command}";
}
