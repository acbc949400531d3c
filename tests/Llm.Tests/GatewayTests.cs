using Smooth.Core.Net;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Smooth.Core.Events;
using Smooth.Llm.Clients;
using Smooth.Llm.Config;
using Smooth.Llm.Gateway;
using Smooth.Llm.Routing;
using Smooth.TestSupport;

namespace Smooth.Llm.Tests;

public class GatewayTests
{
    private const string OpenAiKey = "sk-proj-GATEWAYTESTKEY-0123456789abcdef";
    private const string AnthropicKey = "sk-ant-GATEWAYTESTKEY-fedcba9876543210";
    private static readonly RetrySettings Fast = new() { MaxRetries = 1, BaseDelay = TimeSpan.FromMilliseconds(5) };

    private static ChatRequest Ask(string model, string text = "hello") => new() { Model = model, Messages = [ChatMessage.User(text)] };

    [Fact]
    public async Task Resolves_slots_injects_the_key_translates_to_anthropic_and_records_usage_per_run()
    {
        await using var openai = await Scripts.StartAsync($$$"""
            turns:
              - expect: {model: gpt-scripted, api_key: {{{OpenAiKey}}}, last_user_matches: "^fast question$"}
                respond: {content: "fast answer", usage: {prompt_tokens: 1000, completion_tokens: 100}}
              - expect: {model: gpt-scripted, api_key: {{{OpenAiKey}}}, stream: true}
                respond:
                  content: "streamed fast answer"
                  tool_calls: [{id: call_s, name: grep, arguments: {pattern: TODO}}]
                  usage: {prompt_tokens: 10, completion_tokens: 5}
            """);
        await using var anthropic = await Scripts.StartAsync($$$"""
            turns:
              - expect: {model: claude-scripted, api_key: {{{AnthropicKey}}}, last_tool_result_contains: "42"}
                respond:
                  content: "Anthropic says hi"
                  tool_calls: [{id: toolu_1, name: read_file, arguments: {path: x}}]
                  usage: {prompt_tokens: 2000, completion_tokens: 200}
              - expect: {stream: true}
                respond: {content: "Anthropic streams", usage: {prompt_tokens: 20, completion_tokens: 2}}
            """);
        var config = new ProvidersFile
        {
            Providers = [Configs.OpenAi("oai", openai, OpenAiKey, "gpt-scripted"), Configs.Anthropic("ant", anthropic, AnthropicKey, "claude-scripted")],
            Routing =
            {
                [ModelSlots.Fast] = new SlotRoute { Provider = "oai" },
                [ModelSlots.Coding] = new SlotRoute { Provider = "ant" },
            },
            Prices = { ["gpt-scripted"] = new ModelPrice { InputPerMillion = 1m, OutputPerMillion = 10m } },
        };
        using var dir = new TempDir();
        var events = new EventRing();
        var log = new StringWriter();
        var runs = new RunRegistry();
        await using var gateway = await LlmGatewayFactory.StartAsync(config, dir.Combine("llm.sock"), runs, CancellationToken.None, events, log, Fast);
        var token = runs.Issue("run-1", budgetUsd: 5m);
        using var client = new GatewayClient(gateway.SocketPath, token);

        var fast = await client.CompleteAsync(Ask(ModelSlots.Fast, "fast question"), CancellationToken.None);
        Assert.Equal("fast answer", fast.Content);
        Assert.Equal(ModelSlots.Fast, fast.Model);
        Assert.Equal("oai", fast.Provider);
        Assert.Equal((1000m * 1 + 100 * 10) / 1_000_000m, fast.CostUsd);

        var builder = new ChatResponseBuilder();
        await foreach (var d in client.StreamAsync(Ask(ModelSlots.Fast), CancellationToken.None)) builder.Add(d);
        var streamed = builder.Build();
        Assert.Equal("streamed fast answer", streamed.Content);
        Assert.Equal(("call_s", "grep", """{"pattern":"TODO"}"""), (streamed.ToolCalls[0].Id, streamed.ToolCalls[0].Name, streamed.ToolCalls[0].ArgumentsJson));
        Assert.Equal(new ChatUsage(10, 5), streamed.Usage);

        var coding = await client.CompleteAsync(new ChatRequest
        {
            Model = ModelSlots.Coding,
            Messages = [ChatMessage.User("go"), ChatMessage.Assistant("", [new ToolCall("call_0", "bash", """{"command":"echo 42"}""")]), ChatMessage.ToolResult("call_0", "42")],
        }, CancellationToken.None);
        Assert.Equal("Anthropic says hi", coding.Content);
        Assert.Equal("toolu_1", Assert.Single(coding.ToolCalls).Id);
        Assert.Equal("tool_calls", coding.FinishReason);
        Assert.Equal(new ChatUsage(2000, 200), coding.Usage);

        builder = new ChatResponseBuilder();
        await foreach (var d in client.StreamAsync(Ask(ModelSlots.Default), CancellationToken.None)) builder.Add(d);
        Assert.Equal("Anthropic streams", builder.Build().Content);

        openai.AssertCompleted();
        anthropic.AssertCompleted();
        var usage = runs.Usage("run-1")!;
        Assert.Equal(usage, await client.GetUsageAsync(CancellationToken.None));
        Assert.Equal(4, usage.Requests);
        Assert.Equal(1000 + 10 + 2000 + 20, usage.InputTokens);
        Assert.Equal(100 + 5 + 200 + 2, usage.OutputTokens);
        Assert.Equal((1000m * 1 + 100 * 10 + 10 * 1 + 5 * 10) / 1_000_000m, usage.CostUsd); // Anthropic model has no price
        Assert.Contains(events.Snapshot(), e => e.Type == "llm.response" && e.Attributes["route"] == "ant/claude-scripted");
        Assert.Contains("route=oai/gpt-scripted", log.ToString());
    }

    [Fact]
    public async Task Refuses_bad_tokens_unlisted_explicit_models_and_runs_over_budget()
    {
        await using var model = await Scripts.StartAsync("""
            turns:
              - respond: {content: "expensive", usage: {prompt_tokens: 1000000, completion_tokens: 0}}
              - expect: {model: other-model}
                respond: {content: "explicit ok"}
            """);
        var config = new ProvidersFile
        {
            Providers = [Configs.OpenAi("oai", model, OpenAiKey)],
            DefaultProvider = "oai",
            Prices = { ["scripted-model"] = new ModelPrice { InputPerMillion = 3m, OutputPerMillion = 3m } },
        };
        using var dir = new TempDir();
        var events = new EventRing();
        var runs = new RunRegistry();
        await using var gateway = await LlmGatewayFactory.StartAsync(config, dir.Combine("llm.sock"), runs, CancellationToken.None, events, retry: Fast);
        var token = runs.Issue("run-b", budgetUsd: 2m, allowedModels: ["oai/other-model"]);
        using var http = UnixSocketHttp.CreateClient(gateway.SocketPath);

        var noToken = await Post(http, null, """{"model":"smooth-coding","messages":[{"role":"user","content":"hi"}]}""");
        Assert.Equal(HttpStatusCode.Unauthorized, noToken.Status);
        var forged = await Post(http, "smr_forged", """{"model":"smooth-coding","messages":[{"role":"user","content":"hi"}]}""");
        Assert.Equal(HttpStatusCode.Unauthorized, forged.Status);

        var notAllowed = await Post(http, token, """{"model":"oai/gpt-5","messages":[{"role":"user","content":"hi"}]}""");
        Assert.Equal(HttpStatusCode.Forbidden, notAllowed.Status);
        Assert.Contains("model_not_allowed", notAllowed.Body);
        var bareModel = await Post(http, token, """{"model":"gpt-5","messages":[{"role":"user","content":"hi"}]}""");
        Assert.Equal(HttpStatusCode.Forbidden, bareModel.Status);
        var malformed = await Post(http, token, """{"model": "smooth-coding", "messages": [""");
        Assert.Equal(HttpStatusCode.BadRequest, malformed.Status);

        var first = await Post(http, token, """{"model":"smooth-coding","messages":[{"role":"user","content":"hi"}]}""");
        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(3m, runs.Usage("run-b")!.CostUsd);

        using var client = new GatewayClient(gateway.SocketPath, token);
        var refused = await Assert.ThrowsAsync<ChatModelException>(() => client.CompleteAsync(Ask(ModelSlots.Coding), CancellationToken.None));
        Assert.Equal(402, refused.StatusCode);
        Assert.False(refused.IsTransient);
        var again = await Post(http, token, """{"model":"oai/other-model","messages":[{"role":"user","content":"hi"}]}""");
        Assert.Equal(HttpStatusCode.PaymentRequired, again.Status);
        Assert.Contains("budget_exceeded", again.Body);
        Assert.Contains("spent $3 of its $2 budget", again.Body);
        Assert.Contains(events.Snapshot(), e => e.Type == "llm.budget_exceeded" && e.Attributes["run"] == "run-b");
        Assert.Single(model.Requests); // refused calls never reached the provider

        // A second run with its own budget may use its allowed explicit model.
        var other = runs.Issue("run-c", allowedModels: ["oai/other-model"]);
        var explicitOk = await Post(http, other, """{"model":"oai/other-model","messages":[{"role":"user","content":"hi"}]}""");
        Assert.Equal(HttpStatusCode.OK, explicitOk.Status);
        Assert.Contains("explicit ok", explicitOk.Body);
    }

    [Fact]
    public async Task A_provider_key_never_appears_in_responses_errors_events_or_logs_even_when_the_provider_echoes_it()
    {
        // A real (hostile) provider endpoint that echoes the Authorization header back in its answers and errors.
        using var dir = new TempDir();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        await using var echo = builder.Build();
        var calls = 0;
        echo.MapPost("/v1/chat/completions", async (HttpContext http) =>
        {
            var auth = http.Request.Headers.Authorization.ToString();
            var n = Interlocked.Increment(ref calls);
            http.Response.ContentType = "application/json";
            if (n == 1)
            {
                http.Response.StatusCode = 401;
                await http.Response.WriteAsync(JsonSerializer.Serialize(new Dictionary<string, Dictionary<string, string>>
                {
                    ["error"] = new() { ["message"] = $"Incorrect API key provided: {auth}", ["type"] = "invalid_request_error" },
                }, EchoJson.Default.DictionaryStringDictionaryStringString));
                return;
            }
            await http.Response.WriteAsync($$$"""{"id":"x","object":"chat.completion","created":1,"model":"m","choices":[{"index":0,"message":{"role":"assistant","content":"your key is {{{auth}}}"},"finish_reason":"stop"}],"usage":{"prompt_tokens":1,"completion_tokens":1,"total_tokens":2}}""");
        });
        await echo.StartAsync();
        var url = echo.Urls.First();

        var config = new ProvidersFile
        {
            Providers = [new ProviderConfig { Id = "hostile", ApiUrl = url + "/v1", ApiKey = OpenAiKey, DefaultModel = "m" }],
            DefaultProvider = "hostile",
        };
        var events = new EventRing();
        var log = new StringWriter();
        var runs = new RunRegistry();
        await using var gateway = await LlmGatewayFactory.StartAsync(config, dir.Combine("llm.sock"), runs, CancellationToken.None, events, log, Fast);
        var token = runs.Issue("run-k");
        using var http = UnixSocketHttp.CreateClient(gateway.SocketPath);

        var failed = await Post(http, token, """{"model":"smooth-coding","messages":[{"role":"user","content":"hi"}]}""");
        var answered = await Post(http, token, """{"model":"smooth-coding","messages":[{"role":"user","content":"hi"}]}""");
        Assert.Equal(HttpStatusCode.BadGateway, failed.Status);
        Assert.Equal(HttpStatusCode.OK, answered.Status);
        Assert.Contains("[redacted]", answered.Body);
        var everything = string.Join("\n", failed.Body, answered.Body, log.ToString(),
            string.Join("\n", events.Snapshot().SelectMany(e => e.Attributes.Values)));
        Assert.DoesNotContain(OpenAiKey, everything);
        Assert.DoesNotContain(OpenAiKey[..8], everything[everything.IndexOf("[redacted]", StringComparison.Ordinal)..]);
        Assert.DoesNotContain(OpenAiKey[^8..], everything);
        Assert.Equal(2, calls);
    }

    [Fact]
    public void The_scrubber_removes_whole_keys_and_echoed_fragments()
    {
        var scrubber = new SecretScrubber([OpenAiKey, null, "short"]);
        var text = scrubber.Scrub($"a {OpenAiKey} b {OpenAiKey[..8]}**** c ****{OpenAiKey[^8..]} short");
        Assert.DoesNotContain(OpenAiKey, text);
        Assert.DoesNotContain(OpenAiKey[^8..], text);
        Assert.EndsWith("short", text);
    }

    private static async Task<(HttpStatusCode Status, string Body)> Post(HttpClient http, string? token, string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "http://localhost/v1/chat/completions") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (token is not null) request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
