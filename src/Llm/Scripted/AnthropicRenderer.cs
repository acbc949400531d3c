using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Smooth.Llm.Clients;

namespace Smooth.Llm.Scripted;

/// <summary>Renders a scripted answer as an Anthropic message or its event stream.</summary>
internal static class AnthropicRenderer
{
    public static async Task WriteAsync(HttpContext http, ScriptAnswer answer, ObservedRequest request, ScriptFault? fault)
    {
        var id = $"msg_scripted_{request.Turn + 1}";
        var model = request.Model.Length > 0 ? request.Model : "scripted";
        var stop = AnthropicMapping.StopReason(answer.FinishReason);
        if (!request.Stream)
        {
            var content = new JsonArray();
            if (answer.Content.Length > 0) content.Add(new JsonObject { ["type"] = "text", ["text"] = answer.Content });
            foreach (var c in answer.ToolCalls)
            {
                content.Add(new JsonObject { ["type"] = "tool_use", ["id"] = c.Id, ["name"] = c.Name, ["input"] = AnthropicMapping.ParseArguments(c.ArgumentsJson) });
            }
            var message = Message(id, model, content, stop, answer.Usage);
            await ScriptedModelServer.WriteBodyAsync(http, ScriptedModelServer.Json(message), fault);
            return;
        }
        var sse = new ScriptedModelServer.SseWriter(http, fault);
        await sse.StartAsync();
        Task Send(string name, JsonObject data) => sse.SendAsync(name, ScriptedModelServer.Json(data));
        await Send("message_start", new JsonObject { ["type"] = "message_start", ["message"] = Message(id, model, [], null, new ChatUsage(answer.Usage.InputTokens, 1)) });
        var index = 0;
        if (answer.Content.Length > 0)
        {
            await Send("content_block_start", new JsonObject { ["type"] = "content_block_start", ["index"] = index, ["content_block"] = new JsonObject { ["type"] = "text", ["text"] = "" } });
            foreach (var piece in answer.ContentPieces())
            {
                await Send("content_block_delta", new JsonObject { ["type"] = "content_block_delta", ["index"] = index, ["delta"] = new JsonObject { ["type"] = "text_delta", ["text"] = piece } });
            }
            await Send("content_block_stop", new JsonObject { ["type"] = "content_block_stop", ["index"] = index });
            index++;
        }
        foreach (var c in answer.ToolCalls)
        {
            await Send("content_block_start", new JsonObject { ["type"] = "content_block_start", ["index"] = index, ["content_block"] = new JsonObject { ["type"] = "tool_use", ["id"] = c.Id, ["name"] = c.Name, ["input"] = new JsonObject() } });
            await Send("content_block_delta", new JsonObject { ["type"] = "content_block_delta", ["index"] = index, ["delta"] = new JsonObject { ["type"] = "input_json_delta", ["partial_json"] = c.ArgumentsJson } });
            await Send("content_block_stop", new JsonObject { ["type"] = "content_block_stop", ["index"] = index });
            index++;
        }
        await Send("message_delta", new JsonObject
        {
            ["type"] = "message_delta",
            ["delta"] = new JsonObject { ["stop_reason"] = stop, ["stop_sequence"] = null },
            ["usage"] = new JsonObject { ["output_tokens"] = answer.Usage.OutputTokens },
        });
        await Send("message_stop", new JsonObject { ["type"] = "message_stop" });
    }

    private static JsonObject Message(string id, string model, JsonArray content, string? stop, ChatUsage usage) => new()
    {
        ["id"] = id,
        ["type"] = "message",
        ["role"] = "assistant",
        ["model"] = model,
        ["content"] = content,
        ["stop_reason"] = stop,
        ["stop_sequence"] = null,
        ["usage"] = new JsonObject { ["input_tokens"] = usage.InputTokens, ["output_tokens"] = usage.OutputTokens },
    };
}
