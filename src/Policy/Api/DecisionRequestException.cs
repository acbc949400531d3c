namespace Smooth.Policy.Api;

/// <summary>A decision request that cannot be answered as sent.</summary>
public sealed class DecisionRequestException(string message, string hint) : Exception(message)
{
    /// <summary>What to send instead.</summary>
    public string Hint { get; } = hint;
}
