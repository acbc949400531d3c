using System.Text;

namespace Smooth.Llm.Clients;

/// <summary>Assembles streamed <see cref="ChatDelta"/>s into a <see cref="ChatResponse"/>.</summary>
public sealed class ChatResponseBuilder
{
    private readonly StringBuilder _content = new();
    private readonly SortedDictionary<int, (string Id, string Name, StringBuilder Args)> _calls = [];
    private string? _finish;
    private ChatUsage? _usage;
    private string _provider = "";
    private string _model = "";

    /// <summary>Adds one update.</summary>
    public void Add(ChatDelta delta)
    {
        _content.Append(delta.Content);
        foreach (var call in delta.ToolCalls)
        {
            if (!_calls.TryGetValue(call.Index, out var entry))
            {
                entry = (call.Id ?? "", call.Name ?? "", new StringBuilder());
            }
            entry = (string.IsNullOrEmpty(entry.Id) ? call.Id ?? "" : entry.Id, string.IsNullOrEmpty(entry.Name) ? call.Name ?? "" : entry.Name, entry.Args);
            entry.Args.Append(call.ArgumentsFragment);
            _calls[call.Index] = entry;
        }
        _finish = delta.FinishReason ?? _finish;
        _usage = delta.Usage ?? _usage;
        _provider = delta.Provider ?? _provider;
        _model = delta.Model ?? _model;
    }

    /// <summary>The answer so far.</summary>
    public ChatResponse Build() => new()
    {
        Content = _content.ToString(),
        ToolCalls = _calls.Values.Select(c => new ToolCall(c.Id, c.Name, c.Args.ToString())).ToList(),
        FinishReason = _finish ?? (_calls.Count > 0 ? "tool_calls" : "stop"),
        Usage = _usage ?? ChatUsage.Zero,
        Provider = _provider,
        Model = _model,
    };
}
