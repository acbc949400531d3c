namespace Smooth.Llm.Config;

/// <summary>A known provider: its URL, format, default model and the usual environment variable for its key.</summary>
/// <param name="Id">The provider id written to providers.json.</param>
/// <param name="DisplayName">A name for people.</param>
/// <param name="ApiUrl">The API base URL.</param>
/// <param name="Format">The wire format.</param>
/// <param name="DefaultModel">The model used when a route names only the provider.</param>
/// <param name="KeyEnv">The conventional environment variable for the key, or null when no key is needed.</param>
public sealed record ProviderPreset(string Id, string DisplayName, string ApiUrl, ApiFormat Format, string DefaultModel, string? KeyEnv)
{
    /// <summary>The built-in presets.</summary>
    public static IReadOnlyList<ProviderPreset> All { get; } =
    [
        new("openai", "OpenAI", "https://api.openai.com/v1", ApiFormat.OpenAI, "gpt-5", "OPENAI_API_KEY"),
        new("anthropic", "Anthropic", "https://api.anthropic.com", ApiFormat.Anthropic, "claude-sonnet-4-5", "ANTHROPIC_API_KEY"),
        new("google", "Google Gemini (OpenAI-compatible endpoint)", "https://generativelanguage.googleapis.com/v1beta/openai", ApiFormat.OpenAI, "gemini-2.5-pro", "GEMINI_API_KEY"),
        new("kimi", "Kimi (Moonshot)", "https://api.moonshot.ai/v1", ApiFormat.OpenAI, "kimi-k2-0905-preview", "MOONSHOT_API_KEY"),
        new("kimi-code", "Kimi Code", "https://api.kimi.com/coding/v1", ApiFormat.OpenAI, "kimi-for-coding", "KIMI_API_KEY"),
        new("openrouter", "OpenRouter", "https://openrouter.ai/api/v1", ApiFormat.OpenAI, "openrouter/auto", "OPENROUTER_API_KEY"),
        new("ollama", "Ollama (local, no key)", "http://localhost:11434/v1", ApiFormat.OpenAI, "qwen2.5-coder", null),
    ];

    /// <summary>Finds a preset by id, or null.</summary>
    public static ProviderPreset? Find(string id) => All.FirstOrDefault(p => string.Equals(p.Id, id, StringComparison.Ordinal));
}
