using Smooth.Core.Net;
using System.Net;
using System.Text;
using Smooth.Core;
using Smooth.Llm.Clients;
using Smooth.Llm.Gateway;
using Smooth.Llm.Scripted;
using Smooth.TestSupport;

namespace Smooth.Llm.Tests;

public class ScriptedServerTests
{
    private static readonly ToolDefinition ReadFile = new("read_file", "Read a file", """{"type":"object","properties":{"path":{"type":"string"}},"required":["path"]}""");

    private const string TwoTurns = """
        name: read-then-answer
        turns:
          - expect:
              last_user_matches: "^Fix the (bug|typo)"
              tools_include: [read_file]
              stream: false
            respond:
              content: "Reading it."
              tool_calls:
                - id: call_a
                  name: read_file
                  arguments: {path: "src/app.txt"}
              usage: {prompt_tokens: 120, completion_tokens: 30}
          - expect:
              last_role: tool
              last_tool_result_contains: "hello world"
            respond:
              content: "Done: the file says hello world."
        """;

    private static List<ChatMessage> Conversation(string? toolResult = null)
    {
        var list = new List<ChatMessage> { ChatMessage.System("You are a coder."), ChatMessage.User("Fix the bug in app.txt") };
        if (toolResult is not null)
        {
            list.Add(ChatMessage.Assistant("Reading it.", [new ToolCall("call_a", "read_file", """{"path":"src/app.txt"}""")]));
            list.Add(ChatMessage.ToolResult("call_a", toolResult));
        }
        return list;
    }

    [Fact]
    public async Task OpenAI_client_gets_tool_calls_and_usage_non_streaming_and_checks_pass()
    {
        await using var server = await Scripts.StartAsync(TwoTurns);
        var model = new OpenAiChatModel(server.BaseUrl, "sk-any", "scripted");

        var first = await model.CompleteAsync(new ChatRequest { Model = "m", Messages = Conversation(), Tools = [ReadFile] }, CancellationToken.None);
        Assert.Equal("Reading it.", first.Content);
        var call = Assert.Single(first.ToolCalls);
        Assert.Equal(("call_a", "read_file"), (call.Id, call.Name));
        Assert.Equal("src/app.txt", System.Text.Json.JsonDocument.Parse(call.ArgumentsJson).RootElement.GetProperty("path").GetString());
        Assert.Equal("tool_calls", first.FinishReason);
        Assert.Equal(new ChatUsage(120, 30), first.Usage);

        var second = await model.CompleteAsync(new ChatRequest { Model = "m", Messages = Conversation("hello world\n"), Tools = [ReadFile] }, CancellationToken.None);
        Assert.Equal("Done: the file says hello world.", second.Content);
        Assert.Equal("stop", second.FinishReason);
        Assert.True(second.Usage.InputTokens > 0);
        server.AssertCompleted();
    }

    [Fact]
    public async Task OpenAI_client_streams_text_tool_call_fragments_and_usage()
    {
        await using var server = await Scripts.StartAsync("""
            turns:
              - expect: {stream: true}
                respond:
                  content: "Let me look at the file first."
                  tool_calls:
                    - {id: call_1, name: read_file, arguments: {path: "a.txt"}}
                    - {id: call_2, name: read_file, arguments: {path: "b.txt"}}
                  usage: {prompt_tokens: 50, completion_tokens: 9}
            """);
        var model = new OpenAiChatModel(server.BaseUrl, "sk-any", "scripted");
        var builder = new ChatResponseBuilder();
        var deltas = 0;
        await foreach (var d in model.StreamAsync(new ChatRequest { Model = "m", Messages = Conversation(), Tools = [ReadFile] }, CancellationToken.None))
        {
            builder.Add(d);
            deltas++;
        }
        var response = builder.Build();
        Assert.True(deltas > 4, $"expected several stream updates, got {deltas}");
        Assert.Equal("Let me look at the file first.", response.Content);
        Assert.Equal(["call_1", "call_2"], response.ToolCalls.Select(c => c.Id));
        Assert.Equal("""{"path":"b.txt"}""", response.ToolCalls[1].ArgumentsJson);
        Assert.Equal("tool_calls", response.FinishReason);
        Assert.Equal(new ChatUsage(50, 9), response.Usage);
        server.AssertCompleted();
    }

    [Fact]
    public async Task A_departure_from_the_script_fails_loudly_with_a_diff_and_is_logged()
    {
        var log = new StringWriter();
        await using var server = await Scripts.StartAsync(TwoTurns, log);
        var model = new OpenAiChatModel(server.BaseUrl, "sk-any", "scripted");
        await model.CompleteAsync(new ChatRequest { Model = "m", Messages = Conversation(), Tools = [ReadFile] }, CancellationToken.None);

        var e = await Assert.ThrowsAsync<ChatModelException>(() =>
            model.CompleteAsync(new ChatRequest { Model = "m", Messages = Conversation("goodbye") }, CancellationToken.None));
        Assert.Equal(422, e.StatusCode);
        Assert.False(e.IsTransient);
        var mismatch = Assert.Single(server.Mismatches);
        Assert.Equal("last_tool_result_contains", mismatch.Check);
        var text = log.ToString();
        Assert.Contains("mismatch at turn 2", text);
        Assert.Contains("- expected: last tool result containing \"hello world\"", text);
        Assert.Contains("+ actual:   \"goodbye\"", text);
        Assert.Throws<InvalidOperationException>(server.AssertCompleted);
    }

    [Fact]
    public async Task The_raw_422_body_explains_the_mismatch_and_extra_requests_are_refused()
    {
        await using var server = await Scripts.StartAsync("""
            turns:
              - expect: {model: smooth-coding}
                respond: {content: hi}
            """);
        using var http = new HttpClient();
        var bad = await http.PostAsync(new Uri(server.BaseUrl + "/chat/completions"), Body("""{"model":"gpt-5","messages":[{"role":"user","content":"x"}]}"""));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        var error = System.Text.Json.JsonDocument.Parse(await bad.Content.ReadAsStringAsync()).RootElement.GetProperty("error");
        Assert.Equal("script_mismatch", error.GetProperty("type").GetString());
        var message = error.GetProperty("message").GetString()!;
        Assert.Contains("check model", message);
        Assert.Contains("- expected: \"smooth-coding\"", message);
        Assert.Contains("+ actual:   \"gpt-5\"", message);

        var extra = await http.PostAsync(new Uri(server.BaseUrl + "/chat/completions"), Body("""{"model":"x","messages":[]}"""));
        Assert.Equal(HttpStatusCode.InternalServerError, extra.StatusCode);
        Assert.Contains("turn_count", await extra.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Faults_429_and_500_answer_with_errors_then_the_next_turn_answers()
    {
        await using var server = await Scripts.StartAsync("""
            turns:
              - fault: {status: 429}
              - fault: {status: 500, delay_ms: 20}
              - respond: {content: recovered}
            """);
        var model = new OpenAiChatModel(server.BaseUrl, "sk-any", "scripted");
        var request = new ChatRequest { Model = "m", Messages = Conversation() };
        var e429 = await Assert.ThrowsAsync<ChatModelException>(() => model.CompleteAsync(request, CancellationToken.None));
        Assert.Equal(429, e429.StatusCode);
        Assert.True(e429.IsTransient);
        var e500 = await Assert.ThrowsAsync<ChatModelException>(() => model.CompleteAsync(request, CancellationToken.None));
        Assert.Equal(500, e500.StatusCode);
        Assert.Equal("recovered", (await model.CompleteAsync(request, CancellationToken.None)).Content);
    }

    [Fact]
    public async Task Cut_stream_and_malformed_json_surface_as_transient_errors()
    {
        await using var server = await Scripts.StartAsync("""
            turns:
              - fault: {cut_stream_after: 2}
                respond: {content: "this answer is long enough to need several chunks"}
              - fault: {malformed_json: true}
                respond: {content: "broken"}
              - fault: {malformed_json: true}
                respond: {content: "broken stream"}
            """);
        var model = new OpenAiChatModel(server.BaseUrl, "sk-any", "scripted");
        var request = new ChatRequest { Model = "m", Messages = Conversation() };
        var cut = await Assert.ThrowsAsync<ChatModelException>(async () =>
        {
            await foreach (var _ in model.StreamAsync(request, CancellationToken.None)) { }
        });
        Assert.True(cut.IsTransient);
        var malformed = await Assert.ThrowsAnyAsync<Exception>(() => model.CompleteAsync(request, CancellationToken.None));
        Assert.True(malformed is ChatModelException { IsTransient: true }, malformed.ToString());
        var malformedStream = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await foreach (var _ in model.StreamAsync(request, CancellationToken.None)) { }
        });
        Assert.True(malformedStream is ChatModelException { IsTransient: true }, malformedStream.ToString());
    }

    [Fact]
    public async Task Serves_on_a_unix_socket_and_checks_the_api_key_without_echoing_it()
    {
        using var dir = new TempDir();
        var script = Scripts.Parse("""
            turns:
              - expect: {api_key: sk-expected-key-1234}
                respond: {content: ok}
              - expect: {api_key: sk-expected-key-1234}
                respond: {content: ok}
            """);
        await using var server = await ScriptedModelServer.StartAsync(script, ListenAddress.Unix(dir.Combine("model.sock")));
        Assert.NotNull(server.SocketPath);
        using var http = UnixSocketHttp.CreateClient(server.SocketPath!);
        var good = new OpenAiChatModel(server.BaseUrl, "sk-expected-key-1234", "m", http);
        Assert.Equal("ok", (await good.CompleteAsync(new ChatRequest { Model = "m", Messages = Conversation() }, CancellationToken.None)).Content);
        var wrong = new OpenAiChatModel(server.BaseUrl, "sk-wrong-key-9999", "m", http);
        await Assert.ThrowsAsync<ChatModelException>(() => wrong.CompleteAsync(new ChatRequest { Model = "m", Messages = Conversation() }, CancellationToken.None));
        var m = Assert.Single(server.Mismatches).Describe(null);
        Assert.Contains("…1234", m);
        Assert.Contains("…9999", m);
        Assert.DoesNotContain("sk-wrong-key-9999", m);
    }

    [Theory]
    [InlineData("turns: []", "$.turns")]
    [InlineData("turns:\n  - expect: {model: x}", "$.turns[0]: needs 'respond'")]
    [InlineData("turns:\n  - respond: {content: x}\n    fault: {status: 200}", "$.turns[0].fault.status")]
    [InlineData("turns:\n  - respond: {tool_calls: [{arguments: {}}]}", "$.turns[0].respond.tool_calls[0].name")]
    [InlineData("turns:\n  - respond: {content: x}\n    expect: {last_user_matches: '('}", "$.turns[0].expect.last_user_matches")]
    [InlineData("turns:\n  - respond: {content: x, colour: red}", "$.turns[0].respond.colour")]
    [InlineData("turns:\n  - respond: {content: x}\n    fault: {delay_ms: soon}", "$.turns[0].fault.delay_ms")]
    public void Malformed_scripts_name_the_field(string yaml, string path)
    {
        var e = Assert.Throws<SmoothException>(() => ScriptLoader.Parse(yaml, "s.yaml"));
        Assert.Contains("s.yaml", e.Message);
        Assert.Contains(path, e.Message);
    }

    [Fact]
    public void Json_scripts_load_too()
    {
        var doc = ScriptLoader.Parse("""{"turns": [{"respond": {"content": "hi", "tool_calls": [{"name": "bash", "arguments": "{not json"}]}}]}""", "s.json");
        Assert.Equal("{not json", doc.Turns[0].Respond!.ToolCalls![0].ArgumentsText());
    }

    private static StringContent Body(string json) => new(json, Encoding.UTF8, "application/json");
}
