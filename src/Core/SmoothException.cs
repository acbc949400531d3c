namespace Smooth.Core;

/// <summary>
/// An error meant for a person: what went wrong, and what to do about it.
/// The CLI prints <see cref="Exception.Message"/> and <see cref="Hint"/> to stderr and exits with <see cref="ExitCode"/>.
/// </summary>
public class SmoothException : Exception
{
    /// <summary>Creates an error with a message, an optional hint saying what to do, and an exit code.</summary>
    public SmoothException(string message, string? hint = null, int exitCode = ExitCodes.Failure, Exception? inner = null)
        : base(message, inner)
    {
        Hint = hint;
        ExitCode = exitCode;
    }

    /// <summary>What the user can do about it, or null when the message says it all.</summary>
    public string? Hint { get; }

    /// <summary>The process exit code the CLI uses for this error.</summary>
    public int ExitCode { get; }
}
