namespace Smooth.Llm.Scripted;

/// <summary>A request the scripted server received, as the checks see it.</summary>
public sealed record ObservedRequest
{
    /// <summary>The turn it was matched against (0-based).</summary>
    public required int Turn { get; init; }
    /// <summary><c>openai</c> or <c>anthropic</c>.</summary>
    public required string Format { get; init; }
    /// <summary>The model sent.</summary>
    public required string Model { get; init; }
    /// <summary>Whether it asked for a stream.</summary>
    public required bool Stream { get; init; }
    /// <summary>The key received (bearer token or x-api-key), or null.</summary>
    public string? ApiKey { get; init; }
    /// <summary>The conversation.</summary>
    public required IReadOnlyList<ObservedMessage> Messages { get; init; }
    /// <summary>The names of the tools offered.</summary>
    public required IReadOnlyList<string> Tools { get; init; }
}
