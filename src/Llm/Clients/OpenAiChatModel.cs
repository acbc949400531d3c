using System.ClientModel;
using System.ClientModel.Primitives;
using System.Runtime.CompilerServices;
using OpenAI;
using OpenAI.Chat;
using SdkMessage = OpenAI.Chat.ChatMessage;

namespace Smooth.Llm.Clients;

/// <summary>
/// A client for one OpenAI-compatible endpoint and model, through the official OpenAI SDK. The SDK's own retries are
/// off: retries and fallback belong to the router. With a custom <see cref="HttpClient"/> it also talks to the
/// gateway over a Unix socket.
/// </summary>
public sealed class OpenAiChatModel : IChatModel
{
    private readonly OpenAIClient _client;
    private readonly string _model;

    /// <summary>Creates a client for <paramref name="model"/> at <paramref name="endpoint"/>.</summary>
    /// <param name="endpoint">The API base, for example <c>https://api.openai.com/v1</c>.</param>
    /// <param name="apiKey">The key sent as a bearer token (null for servers that need none).</param>
    /// <param name="model">The model name sent when a request's model is empty.</param>
    /// <param name="httpClient">Optional transport (for Unix sockets); the caller owns it.</param>
    /// <param name="timeout">Per-request network timeout.</param>
    public OpenAiChatModel(Uri endpoint, string? apiKey, string model, HttpClient? httpClient = null, TimeSpan? timeout = null)
    {
        var options = new OpenAIClientOptions
        {
            Endpoint = endpoint,
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = timeout ?? TimeSpan.FromMinutes(5),
        };
        if (httpClient is not null)
        {
            options.Transport = new HttpClientPipelineTransport(httpClient);
        }
        _client = new OpenAIClient(new ApiKeyCredential(string.IsNullOrEmpty(apiKey) ? "no-key" : apiKey), options);
        _model = model;
    }

    /// <inheritdoc />
    public async Task<ChatResponse> CompleteAsync(ChatRequest request, CancellationToken ct)
    {
        var (messages, options) = Map(request);
        ChatCompletion completion;
        try
        {
            completion = (await ChatFor(request).CompleteChatAsync(messages, options, ct)).Value;
        }
        catch (Exception e) when (Translate(e) is { } error)
        {
            throw error;
        }
        return new ChatResponse
        {
            Content = string.Concat(completion.Content.Where(p => p.Kind == ChatMessageContentPartKind.Text).Select(p => p.Text)),
            ToolCalls = completion.ToolCalls.Select(c => new ToolCall(c.Id, c.FunctionName, c.FunctionArguments?.ToString() ?? "")).ToList(),
            FinishReason = FinishReasonText(completion.FinishReason),
            Usage = completion.Usage is { } u ? new ChatUsage(u.InputTokenCount, u.OutputTokenCount) : ChatUsage.Zero,
            Model = completion.Model ?? _model,
        };
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<ChatDelta> StreamAsync(ChatRequest request, [EnumeratorCancellation] CancellationToken ct)
    {
        var (messages, options) = Map(request);
        IAsyncEnumerator<StreamingChatCompletionUpdate> updates;
        try
        {
            updates = ChatFor(request).CompleteChatStreamingAsync(messages, options, ct).GetAsyncEnumerator(ct);
        }
        catch (Exception e) when (Translate(e) is { } error)
        {
            throw error;
        }
        await using (updates)
        {
            while (true)
            {
                bool more;
                try
                {
                    more = await updates.MoveNextAsync();
                }
                catch (Exception e) when (Translate(e) is { } error)
                {
                    throw error;
                }
                if (!more)
                {
                    yield break;
                }
                var u = updates.Current;
                yield return new ChatDelta
                {
                    Content = string.Concat(u.ContentUpdate.Where(p => p.Kind == ChatMessageContentPartKind.Text).Select(p => p.Text)),
                    ToolCalls = u.ToolCallUpdates.Select(t => new ToolCallDelta(t.Index, t.ToolCallId, t.FunctionName, t.FunctionArgumentsUpdate?.ToString() ?? "")).ToList(),
                    FinishReason = u.FinishReason is { } f ? FinishReasonText(f) : null,
                    Usage = u.Usage is { } usage ? new ChatUsage(usage.InputTokenCount, usage.OutputTokenCount) : null,
                };
            }
        }
    }

    private ChatClient ChatFor(ChatRequest request) => _client.GetChatClient(string.IsNullOrEmpty(request.Model) ? _model : request.Model);

    private static (List<SdkMessage> Messages, ChatCompletionOptions Options) Map(ChatRequest request)
    {
        var messages = new List<SdkMessage>(request.Messages.Count);
        foreach (var m in request.Messages)
        {
            messages.Add(m.Role switch
            {
                ChatRole.System => new SystemChatMessage(m.Content),
                ChatRole.User => new UserChatMessage(m.Content),
                ChatRole.Tool => new ToolChatMessage(m.ToolCallId ?? "", m.Content),
                ChatRole.Assistant when m.ToolCalls.Count > 0 => AssistantWithCalls(m),
                _ => new AssistantChatMessage(m.Content),
            });
        }
        var options = new ChatCompletionOptions();
        foreach (var t in request.Tools)
        {
            options.Tools.Add(ChatTool.CreateFunctionTool(t.Name, t.Description, BinaryData.FromString(t.ParametersJsonSchema)));
        }
        if (request.MaxTokens is { } max) options.MaxOutputTokenCount = max;
        if (request.Temperature is { } temp) options.Temperature = temp;
        return (messages, options);
    }

    private static AssistantChatMessage AssistantWithCalls(ChatMessage m)
    {
        var message = new AssistantChatMessage(m.ToolCalls.Select(c => ChatToolCall.CreateFunctionToolCall(c.Id, c.Name, BinaryData.FromString(string.IsNullOrEmpty(c.ArgumentsJson) ? "{}" : c.ArgumentsJson))));
        if (!string.IsNullOrEmpty(m.Content))
        {
            message.Content.Add(ChatMessageContentPart.CreateTextPart(m.Content));
        }
        return message;
    }

    private static string FinishReasonText(ChatFinishReason reason) => reason switch
    {
        ChatFinishReason.Stop => "stop",
        ChatFinishReason.Length => "length",
        ChatFinishReason.ToolCalls => "tool_calls",
        ChatFinishReason.ContentFilter => "content_filter",
        ChatFinishReason.FunctionCall => "function_call",
        _ => "stop",
    };

    /// <summary>Maps SDK and transport errors to <see cref="ChatModelException"/>; the provider's body is kept out (it may echo headers).</summary>
    internal static ChatModelException? Translate(Exception e) => e switch
    {
        ChatModelException => null,
        ClientResultException c when c.Status > 0 => new ChatModelException($"the model endpoint answered HTTP {c.Status}: {FirstLine(c.Message)}", c.Status, ChatModelException.IsTransientStatus(c.Status)),
        ClientResultException c => new ChatModelException($"the model endpoint did not answer: {FirstLine(c.Message)}", null, true),
        HttpRequestException h => new ChatModelException($"cannot reach the model endpoint: {h.Message}", null, true),
        IOException io => new ChatModelException($"the connection to the model endpoint broke: {io.Message}", null, true),
        TaskCanceledException t when t.InnerException is TimeoutException => new ChatModelException("the model endpoint timed out", null, true),
        System.Text.Json.JsonException j => new ChatModelException($"the model endpoint sent malformed JSON: {j.Message}", null, true),
        FormatException f => new ChatModelException($"the model endpoint sent a malformed response: {f.Message}", null, true),
        _ => null,
    };

    private static string FirstLine(string text)
    {
        var line = text.Split('\n', 2)[0].Trim();
        return line.Length > 300 ? line[..300] + "…" : line;
    }
}
