using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Smooth.Llm.Clients;
using Smooth.Llm.Wire;

namespace Smooth.Llm.Scripted;

/// <summary>Renders a scripted answer as an OpenAI chat completion or a stream of chunks.</summary>
internal static class OpenAiRenderer
{
    public static async Task WriteAsync(HttpContext http, ScriptAnswer answer, ObservedRequest request, ScriptFault? fault)
    {
        var id = $"chatcmpl-scripted-{request.Turn + 1}";
        var created = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var model = request.Model.Length > 0 ? request.Model : "scripted";
        if (!request.Stream)
        {
            var response = new ChatResponse { Content = answer.Content, ToolCalls = answer.ToolCalls, FinishReason = answer.FinishReason, Usage = answer.Usage };
            var json = JsonSerializer.Serialize(WireMapping.ToWire(response, id, model, created), WireJsonContext.Default.WireChatResponse);
            await ScriptedModelServer.WriteBodyAsync(http, json, fault);
            return;
        }
        var sse = new ScriptedModelServer.SseWriter(http, fault);
        await sse.StartAsync();
        var first = true;
        async Task Send(ChatDelta delta)
        {
            await sse.SendAsync(null, JsonSerializer.Serialize(WireMapping.ToChunk(delta, id, model, created, first), WireJsonContext.Default.WireChatResponse));
            first = false;
        }
        if (answer.Content.Length == 0)
        {
            await Send(new ChatDelta());
        }
        foreach (var piece in answer.ContentPieces())
        {
            await Send(new ChatDelta { Content = piece });
        }
        for (var i = 0; i < answer.ToolCalls.Count; i++)
        {
            var call = answer.ToolCalls[i];
            var half = call.ArgumentsJson.Length / 2;
            await Send(new ChatDelta { ToolCalls = [new ToolCallDelta(i, call.Id, call.Name, call.ArgumentsJson[..half])] });
            await Send(new ChatDelta { ToolCalls = [new ToolCallDelta(i, null, null, call.ArgumentsJson[half..])] });
        }
        await Send(new ChatDelta { FinishReason = answer.FinishReason });
        // The usage chunk has no choices, as OpenAI sends it with stream_options.include_usage.
        var usage = new WireChatResponse { Id = id, Object = "chat.completion.chunk", Created = created, Model = model, Choices = [], Usage = WireMapping.Usage(answer.Usage) };
        await sse.SendAsync(null, JsonSerializer.Serialize(usage, WireJsonContext.Default.WireChatResponse));
        await sse.SendAsync(null, "[DONE]");
    }
}
