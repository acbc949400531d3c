namespace Smooth.Llm.Config;

/// <summary>Turns an API key into a hint a person can recognise without it being usable: <c>sk-…abcd</c>.</summary>
public static class KeyRedaction
{
    /// <summary>The redacted hint: up to 3 leading characters when they are a known prefix, an ellipsis, and the last 4 (short keys show nothing).</summary>
    public static string Hint(string key)
    {
        if (key.Length < 12)
        {
            return "…";
        }
        var prefix = key.StartsWith("sk-", StringComparison.Ordinal) ? "sk-" : "";
        return $"{prefix}…{key[^4..]}";
    }
}
