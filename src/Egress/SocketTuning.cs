namespace Smooth.Egress;

/// <summary>
/// Process-wide socket settings for processes that only relay bytes (<c>th egress serve</c>, <c>th egress bridge</c>).
/// </summary>
public static class SocketTuning
{
    /// <summary>The .NET runtime's switch for running socket continuations on the event thread.</summary>
    public const string InlineCompletionsVariable = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

    /// <summary>
    /// Runs socket continuations inline on the epoll thread instead of queueing them to the thread pool: one thread
    /// hop less per read, which is most of a relay's per-request cost. Only safe where no continuation blocks, so it is
    /// for the relay-only processes, not for a daemon hosting other work. The runtime reads the switch once, when the
    /// first socket is created, so call this before any socket exists.
    /// </summary>
    /// <returns>True when this call set the switch (it was not set by the caller's environment).</returns>
    public static bool EnableInlineCompletions()
    {
        if (Environment.GetEnvironmentVariable(InlineCompletionsVariable) is not null) return false;
        Environment.SetEnvironmentVariable(InlineCompletionsVariable, "1");
        return true;
    }
}
