namespace Smooth.Llm.Clients;

/// <summary>Tokens used by one model call.</summary>
/// <param name="InputTokens">Prompt tokens.</param>
/// <param name="OutputTokens">Completion tokens.</param>
public sealed record ChatUsage(long InputTokens, long OutputTokens)
{
    /// <summary>No tokens.</summary>
    public static ChatUsage Zero { get; } = new(0, 0);
}
