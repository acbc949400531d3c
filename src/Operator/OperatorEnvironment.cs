namespace Smooth.Operator;

/// <summary>Environment variables that hand an operator its gateway (besides the operator API's own).</summary>
public static class OperatorEnvironment
{
    /// <summary>The LLM gateway socket.</summary>
    public const string LlmSocket = "SMOOTH_LLM_SOCKET";

    /// <summary>The run's gateway token (removed from the environment once read).</summary>
    public const string LlmToken = "SMOOTH_LLM_TOKEN";
}
