using System.Text.Json.Nodes;
using Smooth.Llm.Clients;

namespace Smooth.Llm.Tests;

public class AnthropicTests
{
    private static readonly ToolDefinition Bash = new("bash", "Run a command", """{"type":"object","properties":{"command":{"type":"string"}}}""");

    private static List<ChatMessage> Conversation() =>
    [
        ChatMessage.System("Be brief."),
        ChatMessage.User("Run the tests"),
        ChatMessage.Assistant("Running.", [new ToolCall("toolu_1", "bash", """{"command":"make test"}"""), new ToolCall("toolu_2", "bash", """{"command":"ls"}""")]),
        ChatMessage.ToolResult("toolu_1", "3 passed"),
        ChatMessage.ToolResult("toolu_2", "Makefile"),
    ];

    [Fact]
    public void Mapping_lifts_system_merges_tool_results_and_keeps_tool_use_blocks()
    {
        var body = AnthropicMapping.ToRequestBody(new ChatRequest { Model = "x", Messages = Conversation(), Tools = [Bash] }, "claude-x", stream: false);
        Assert.Equal("Be brief.", (string?)body["system"]);
        Assert.Equal(4096, (int)body["max_tokens"]!);
        var messages = (JsonArray)body["messages"]!;
        Assert.Equal(3, messages.Count);
        Assert.Equal(["user", "assistant", "user"], messages.Select(m => (string?)m!["role"]));
        var blocks = (JsonArray)messages[1]!["content"]!;
        Assert.Equal(["text", "tool_use", "tool_use"], blocks.Select(b => (string?)b!["type"]));
        Assert.Equal("make test", (string?)blocks[1]!["input"]!["command"]);
        var results = (JsonArray)messages[2]!["content"]!;
        Assert.Equal(["toolu_1", "toolu_2"], results.Select(r => (string?)r!["tool_use_id"]));
        Assert.Equal("bash", (string?)body["tools"]![0]!["name"]);
        Assert.Equal("object", (string?)body["tools"]![0]!["input_schema"]!["type"]);
        Assert.Equal("tool_calls", AnthropicMapping.FinishReason("tool_use"));
        Assert.Equal("max_tokens", AnthropicMapping.StopReason("length"));
    }

    [Fact]
    public async Task Anthropic_sdk_client_against_the_scripted_server_in_anthropic_format()
    {
        await using var server = await Scripts.StartAsync("""
            turns:
              - expect:
                  api_key: sk-ant-test-000000000001
                  model: claude-x
                  last_tool_result_contains: Makefile
                  tools_include: [bash]
                  stream: false
                respond:
                  content: "Tests pass."
                  tool_calls: [{id: toolu_9, name: bash, arguments: {command: "git status"}}]
                  usage: {prompt_tokens: 40, completion_tokens: 12}
              - expect: {stream: true, last_user_matches: "Run"}
                respond:
                  content: "Streaming answer here."
                  tool_calls: [{id: toolu_10, name: bash, arguments: {command: "ls -la"}}]
                  usage: {prompt_tokens: 41, completion_tokens: 13}
            """);
        using var model = new AnthropicChatModel(server.AnthropicBaseUrl, "sk-ant-test-000000000001", "claude-x");
        var request = new ChatRequest { Model = "", Messages = Conversation(), Tools = [Bash] };

        var response = await model.CompleteAsync(request, CancellationToken.None);
        Assert.Equal("Tests pass.", response.Content);
        var call = Assert.Single(response.ToolCalls);
        Assert.Equal(("toolu_9", "bash"), (call.Id, call.Name));
        Assert.Equal("git status", (string?)JsonNode.Parse(call.ArgumentsJson)!["command"]);
        Assert.Equal("tool_calls", response.FinishReason);
        Assert.Equal(new ChatUsage(40, 12), response.Usage);

        var builder = new ChatResponseBuilder();
        await foreach (var d in model.StreamAsync(request, CancellationToken.None)) builder.Add(d);
        var streamed = builder.Build();
        Assert.Equal("Streaming answer here.", streamed.Content);
        Assert.Equal("toolu_10", Assert.Single(streamed.ToolCalls).Id);
        Assert.Equal("ls -la", (string?)JsonNode.Parse(streamed.ToolCalls[0].ArgumentsJson)!["command"]);
        Assert.Equal("tool_calls", streamed.FinishReason);
        Assert.Equal(new ChatUsage(41, 13), streamed.Usage);
        server.AssertCompleted();
        // The scripted server saw the tool results as tool messages (translation round trip).
        Assert.Equal(["system", "user", "assistant", "tool", "tool"], server.Requests[0].Messages.Select(m => m.Role));
    }

    [Fact]
    public async Task Anthropic_errors_map_to_transient_and_permanent()
    {
        await using var server = await Scripts.StartAsync("""
            turns:
              - fault: {status: 529}
              - fault: {status: 400}
            """);
        using var model = new AnthropicChatModel(server.AnthropicBaseUrl, "k-000000", "claude-x");
        var request = new ChatRequest { Model = "", Messages = [ChatMessage.User("hi")] };
        var overloaded = await Assert.ThrowsAsync<ChatModelException>(() => model.CompleteAsync(request, CancellationToken.None));
        Assert.Equal((529, true), (overloaded.StatusCode, overloaded.IsTransient));
        var bad = await Assert.ThrowsAsync<ChatModelException>(() => model.CompleteAsync(request, CancellationToken.None));
        Assert.Equal((400, false), (bad.StatusCode, bad.IsTransient));
    }
}
