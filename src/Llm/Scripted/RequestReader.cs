using System.Text.Json;
using Smooth.Llm.Wire;

namespace Smooth.Llm.Scripted;

/// <summary>Reads OpenAI and Anthropic request bodies into <see cref="ObservedRequest"/>.</summary>
internal static class RequestReader
{
    public static ObservedRequest OpenAi(WireChatRequest body, int turn, string? apiKey) => new()
    {
        Turn = turn,
        Format = "openai",
        Model = body.Model ?? "",
        Stream = body.Stream == true,
        ApiKey = apiKey,
        Messages = (body.Messages ?? []).Select(m => new ObservedMessage(
            m.Role == "developer" ? "system" : m.Role ?? "",
            m.Text() + string.Concat((m.ToolCalls ?? []).Select(c => $"\n[tool_call {c.Function?.Name} {c.Function?.Arguments}]")),
            m.ToolCallId)).ToList(),
        Tools = (body.Tools ?? []).Select(t => t.Function?.Name ?? "").ToList(),
    };

    public static ObservedRequest Anthropic(JsonElement body, int turn, string? apiKey)
    {
        var messages = new List<ObservedMessage>();
        if (body.TryGetProperty("system", out var system))
        {
            messages.Add(new ObservedMessage("system", BlocksText(system), null));
        }
        if (body.TryGetProperty("messages", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var m in list.EnumerateArray())
            {
                var role = m.TryGetProperty("role", out var r) ? r.GetString() ?? "" : "";
                if (!m.TryGetProperty("content", out var content))
                {
                    continue;
                }
                if (content.ValueKind == JsonValueKind.String)
                {
                    messages.Add(new ObservedMessage(role, content.GetString() ?? "", null));
                    continue;
                }
                var text = new System.Text.StringBuilder();
                foreach (var block in content.EnumerateArray())
                {
                    var type = block.TryGetProperty("type", out var t) ? t.GetString() : null;
                    switch (type)
                    {
                        case "tool_result":
                            var id = block.TryGetProperty("tool_use_id", out var tid) ? tid.GetString() : null;
                            messages.Add(new ObservedMessage("tool", block.TryGetProperty("content", out var rc) ? BlocksText(rc) : "", id));
                            break;
                        case "tool_use":
                            text.Append($"\n[tool_call {Str(block, "name")} {(block.TryGetProperty("input", out var input) ? input.GetRawText() : "{}")}]");
                            break;
                        default:
                            text.Append(Str(block, "text"));
                            break;
                    }
                }
                if (text.Length > 0 || role == "assistant")
                {
                    messages.Add(new ObservedMessage(role, text.ToString(), null));
                }
            }
        }
        var tools = new List<string>();
        if (body.TryGetProperty("tools", out var toolList) && toolList.ValueKind == JsonValueKind.Array)
        {
            tools.AddRange(toolList.EnumerateArray().Select(t => Str(t, "name")));
        }
        return new ObservedRequest
        {
            Turn = turn,
            Format = "anthropic",
            Model = Str(body, "model"),
            Stream = body.TryGetProperty("stream", out var s) && s.ValueKind == JsonValueKind.True,
            ApiKey = apiKey,
            Messages = messages,
            Tools = tools,
        };
    }

    private static string Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() ?? "" : "";

    private static string BlocksText(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => e.GetString() ?? "",
        JsonValueKind.Array => string.Concat(e.EnumerateArray().Select(b => Str(b, "text"))),
        _ => "",
    };
}
