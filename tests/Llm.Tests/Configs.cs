using Smooth.Llm.Config;
using Smooth.Llm.Scripted;

namespace Smooth.Llm.Tests;

/// <summary>providers.json configurations pointing at scripted servers.</summary>
internal static class Configs
{
    public static ProviderConfig OpenAi(string id, ScriptedModelServer server, string key, string model = "scripted-model") => new()
    {
        Id = id,
        ApiUrl = server.BaseUrl.ToString(),
        ApiKey = key,
        ApiFormat = ApiFormat.OpenAI,
        DefaultModel = model,
    };

    public static ProviderConfig Anthropic(string id, ScriptedModelServer server, string key, string model = "claude-scripted") => new()
    {
        Id = id,
        ApiUrl = server.AnthropicBaseUrl.ToString(),
        ApiKey = key,
        ApiFormat = ApiFormat.Anthropic,
        DefaultModel = model,
    };
}
