using Smooth.Llm.Clients;
using Smooth.Llm.Scripted;

namespace Smooth.Surveillance.Tests;

/// <summary>The model only ever receives what ScanToolResult returns: the scripted model checks it never sees the secret.</summary>
public sealed class RedactionReachesModelTests
{
    private static async Task<ScriptedModelServer> StartAsync(string secret) =>
        await ScriptedModelServer.StartAsync(ScriptLoader.Parse($$"""
            turns:
              - respond:
                  tool_calls:
                    - id: call_1
                      name: read_file
                      arguments:
                        path: .env
              - expect: {nothing_contains: "{{secret}}", last_tool_result_contains: "[REDACTED:anthropic-api-key]"}
                respond: {content: "The file configures the Anthropic key; I did not copy it."}
            """, "redaction"), ListenAddress.Loopback);

    private static async Task<ChatResponse> RunLoopAsync(ScriptedModelServer server, string fileContent, bool redact)
    {
        var model = new OpenAiChatModel(server.BaseUrl, "sk-any", "scripted");
        var engine = Engines.Create();
        var messages = new List<ChatMessage> { ChatMessage.User("What does .env configure?") };
        var first = await model.CompleteAsync(new ChatRequest { Model = "smooth-coding", Messages = messages }, CancellationToken.None);
        var call = Assert.Single(first.ToolCalls);
        var result = redact ? engine.ScanToolResult(call.Name, fileContent).RedactedText : fileContent;
        messages.Add(ChatMessage.Assistant(first.Content, first.ToolCalls));
        messages.Add(ChatMessage.ToolResult(call.Id, result));
        return await model.CompleteAsync(new ChatRequest { Model = "smooth-coding", Messages = messages }, CancellationToken.None);
    }

    [Fact]
    public async Task The_model_receives_the_redacted_tool_result()
    {
        var secret = Engines.Sample("anthropic-api-key", 11);
        await using var server = await StartAsync(secret);
        var answer = await RunLoopAsync(server, $"ANTHROPIC_API_KEY={secret}\nLOG_LEVEL=info\n", redact: true);
        Assert.Contains("did not copy it", answer.Content);
        server.AssertCompleted();
    }

    [Fact]
    public async Task Without_redaction_the_script_catches_the_leak()
    {
        // Control: proves the check above would fail if the defence were removed.
        var secret = Engines.Sample("anthropic-api-key", 12);
        await using var server = await StartAsync(secret);
        await Assert.ThrowsAnyAsync<Exception>(() => RunLoopAsync(server, $"ANTHROPIC_API_KEY={secret}\n", redact: false));
        Assert.NotEmpty(server.Mismatches);
    }
}
