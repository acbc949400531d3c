namespace Smooth.Orchestrator.Api;

/// <summary>A control message sent over the WebSocket (or <c>POST /v1/runs/{id}/control</c>) to a running operator.</summary>
/// <param name="Type">steer, pause, resume, cancel or answer.</param>
/// <param name="Run">The run it is for.</param>
/// <param name="Text">Guidance (steer) or the reply (answer); ignored otherwise.</param>
public sealed record RunControlMessage(string Type, string Run, string? Text = null)
{
    /// <summary>The accepted message types.</summary>
    public static readonly IReadOnlySet<string> Types = new HashSet<string>(StringComparer.Ordinal) { "steer", "pause", "resume", "cancel", "answer" };

    /// <summary>Null when valid, otherwise what is wrong.</summary>
    public string? Problem()
    {
        if (!Types.Contains(Type)) return $"unknown control type '{Type}' (use steer, pause, resume, cancel or answer)";
        if (string.IsNullOrWhiteSpace(Run)) return "the message names no run";
        if (Type is "steer" or "answer" && string.IsNullOrWhiteSpace(Text)) return $"{Type} needs a text";
        if (Text is { Length: > 16_384 }) return "the text is longer than 16 KiB";
        return null;
    }
}

/// <summary>The daemon's answer to a control message.</summary>
/// <param name="Ok">Whether it was delivered to the run's operator.</param>
/// <param name="Run">The run.</param>
/// <param name="Detail">What happened, or why not.</param>
public sealed record RunControlReply(bool Ok, string Run, string Detail);
