using System.Runtime.CompilerServices;
using System.Text.Json;
using Anthropic;
using Anthropic.Core;
using Anthropic.Exceptions;
using Anthropic.Models.Messages;

namespace Smooth.Llm.Clients;

/// <summary>
/// A client for one Anthropic-format endpoint and model, through the official Anthropic SDK (its own retries off;
/// the router retries). Requests are mapped by <see cref="AnthropicMapping"/>.
/// </summary>
public sealed class AnthropicChatModel : IChatModel, IDisposable
{
    private static readonly IReadOnlyDictionary<string, JsonElement> Empty = new Dictionary<string, JsonElement>();
    private readonly AnthropicClient _client;
    private readonly string _model;

    /// <summary>Creates a client for <paramref name="model"/> at <paramref name="baseUrl"/> (for example <c>https://api.anthropic.com</c>).</summary>
    public AnthropicChatModel(Uri baseUrl, string? apiKey, string model, HttpClient? httpClient = null, TimeSpan? timeout = null)
    {
        var options = new ClientOptions
        {
            BaseUrl = baseUrl.ToString().TrimEnd('/'),
            ApiKey = apiKey ?? "no-key",
            MaxRetries = 0,
            Timeout = timeout ?? TimeSpan.FromMinutes(5),
        };
        if (httpClient is not null)
        {
            options.HttpClient = httpClient;
        }
        _client = new AnthropicClient(options);
        _model = model;
    }

    /// <inheritdoc />
    public async Task<ChatResponse> CompleteAsync(ChatRequest request, CancellationToken ct)
    {
        var parameters = MessageCreateParams.FromRawUnchecked(Empty, Empty, AnthropicMapping.ToRawBody(AnthropicMapping.ToRequestBody(request, string.IsNullOrEmpty(request.Model) ? _model : request.Model, stream: false)));
        Message message;
        try
        {
            message = await _client.Messages.Create(parameters, ct);
        }
        catch (Exception e) when (Translate(e) is { } error)
        {
            throw error;
        }
        var text = new System.Text.StringBuilder();
        var calls = new List<ToolCall>();
        foreach (var block in message.Content)
        {
            if (block.TryPickText(out var t))
            {
                text.Append(t.Text);
            }
            else if (block.TryPickToolUse(out var use))
            {
                calls.Add(new ToolCall(use.ID, use.Name, InputJson(use.Input)));
            }
        }
        return new ChatResponse
        {
            Content = text.ToString(),
            ToolCalls = calls,
            FinishReason = AnthropicMapping.FinishReason(message.StopReason?.Raw()),
            Usage = new ChatUsage(message.Usage.InputTokens, message.Usage.OutputTokens),
            Model = message.Model.Raw(),
        };
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<ChatDelta> StreamAsync(ChatRequest request, [EnumeratorCancellation] CancellationToken ct)
    {
        var parameters = MessageCreateParams.FromRawUnchecked(Empty, Empty, AnthropicMapping.ToRawBody(AnthropicMapping.ToRequestBody(request, string.IsNullOrEmpty(request.Model) ? _model : request.Model, stream: true)));
        var blockToTool = new Dictionary<long, int>();
        long inputTokens = 0;
        IAsyncEnumerator<RawMessageStreamEvent> events;
        try
        {
            events = _client.Messages.CreateStreaming(parameters, ct).GetAsyncEnumerator(ct);
        }
        catch (Exception e) when (Translate(e) is { } error)
        {
            throw error;
        }
        await using (events)
        {
            while (true)
            {
                bool more;
                try
                {
                    more = await events.MoveNextAsync();
                }
                catch (Exception e) when (Translate(e) is { } error)
                {
                    throw error;
                }
                if (!more)
                {
                    yield break;
                }
                var ev = events.Current;
                if (ev.TryPickStart(out var start))
                {
                    inputTokens = start.Message.Usage.InputTokens;
                }
                else if (ev.TryPickContentBlockStart(out var blockStart))
                {
                    if (blockStart.ContentBlock.TryPickToolUse(out var use))
                    {
                        var index = blockToTool.Count;
                        blockToTool[blockStart.Index] = index;
                        yield return new ChatDelta { ToolCalls = [new ToolCallDelta(index, use.ID, use.Name, "")] };
                    }
                    else if (blockStart.ContentBlock.TryPickText(out var text) && text.Text.Length > 0)
                    {
                        yield return new ChatDelta { Content = text.Text };
                    }
                }
                else if (ev.TryPickContentBlockDelta(out var delta))
                {
                    if (delta.Delta.TryPickText(out var text))
                    {
                        yield return new ChatDelta { Content = text.Text };
                    }
                    else if (delta.Delta.TryPickInputJson(out var json) && blockToTool.TryGetValue(delta.Index, out var index))
                    {
                        yield return new ChatDelta { ToolCalls = [new ToolCallDelta(index, null, null, json.PartialJson)] };
                    }
                }
                else if (ev.TryPickDelta(out var messageDelta))
                {
                    yield return new ChatDelta
                    {
                        FinishReason = AnthropicMapping.FinishReason(messageDelta.Delta.StopReason?.Raw()),
                        Usage = new ChatUsage(messageDelta.Usage.InputTokens ?? inputTokens, messageDelta.Usage.OutputTokens),
                    };
                }
            }
        }
    }

    /// <inheritdoc />
    public void Dispose() => _client.Dispose();

    private static string InputJson(IReadOnlyDictionary<string, JsonElement> input)
    {
        var node = new System.Text.Json.Nodes.JsonObject();
        foreach (var (k, v) in input)
        {
            node[k] = System.Text.Json.Nodes.JsonNode.Parse(v.GetRawText());
        }
        return node.ToJsonString();
    }

    /// <summary>The provider's own explanation (error.message), shortened; the gateway scrubs keys from it.</summary>
    private static string ErrorDetail(string? body)
    {
        if (string.IsNullOrEmpty(body)) return "";
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object
                && error.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String)
            {
                var text = message.GetString() ?? "";
                return ": " + (text.Length > 600 ? text[..600] + "…" : text);
            }
        }
        catch (JsonException)
        {
        }
        return "";
    }

    private static ChatModelException? Translate(Exception e) => e switch
    {
        ChatModelException => null,
        AnthropicApiException a => new ChatModelException($"the model endpoint answered HTTP {(int)a.StatusCode}{ErrorDetail(a.ResponseBody)}", (int)a.StatusCode, ChatModelException.IsTransientStatus((int)a.StatusCode)),
        AnthropicException a => new ChatModelException($"the Anthropic endpoint failed: {a.GetType().Name}", null, true),
        _ => OpenAiChatModel.Translate(e),
    };
}
