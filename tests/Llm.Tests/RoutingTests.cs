using Smooth.Llm.Clients;
using Smooth.Llm.Config;
using Smooth.Llm.Pricing;
using Smooth.Llm.Routing;

namespace Smooth.Llm.Tests;

public class RoutingTests
{
    private static readonly RetrySettings Fast = new() { MaxRetries = 2, BaseDelay = TimeSpan.FromMilliseconds(5), AttemptTimeout = TimeSpan.FromSeconds(30) };

    private static ChatRequest Ask(string model = ModelSlots.Coding) => new() { Model = model, Messages = [ChatMessage.User("hello")] };

    [Fact]
    public async Task Retries_429_and_500_with_backoff_then_answers_with_cost_from_the_price_table()
    {
        await using var primary = await Scripts.StartAsync("""
            turns:
              - fault: {status: 429}
              - fault: {status: 500}
              - expect: {model: big-model}
                respond: {content: "third time lucky", usage: {prompt_tokens: 1000000, completion_tokens: 500000}}
            """);
        var config = new ProvidersFile
        {
            Providers = [Configs.OpenAi("p1", primary, "sk-primary-000000000001")],
            Routing = { [ModelSlots.Coding] = new SlotRoute { Provider = "p1", Model = "big-model" } },
            Prices = { ["p1/big-model"] = new ModelPrice { InputPerMillion = 2m, OutputPerMillion = 8m } },
        };
        using var factory = new ChatModelFactory();
        var routed = new RoutedChatModel(new ModelRouter(config), factory, new PriceTable(config.Prices), Fast);
        var response = await routed.CompleteAsync(Ask(), CancellationToken.None);
        Assert.Equal("third time lucky", response.Content);
        Assert.Equal(("p1", "big-model"), (response.Provider, response.Model));
        Assert.Equal(6m, response.CostUsd);
        Assert.Equal(3, primary.Requests.Count);
        primary.AssertCompleted();
    }

    [Fact]
    public async Task A_providers_timeout_seconds_cuts_a_hung_attempt_which_is_retried()
    {
        await using var slow = await Scripts.StartAsync("""
            turns:
              - fault: {delay_ms: 4000}
                respond: {content: "too late"}
              - respond: {content: "answered on the retry"}
            """);
        var config = new ProvidersFile
        {
            Providers = [Configs.OpenAi("p1", slow, "sk-primary-000000000001") with { TimeoutSeconds = 1 }],
            Routing = { [ModelSlots.Coding] = new SlotRoute { Provider = "p1", Model = "m1" } },
        };
        using var factory = new ChatModelFactory();
        // The default attempt timeout (30 s here) would wait the slow answer out; the provider's 1 s does not.
        var routed = new RoutedChatModel(new ModelRouter(config), factory, new PriceTable(), Fast);

        var response = await routed.CompleteAsync(Ask(), CancellationToken.None);

        Assert.Equal("answered on the retry", response.Content); // waiting it out would have returned "too late"
        Assert.Equal(2, slow.Requests.Count);
    }

    [Fact]
    public void Timeout_seconds_out_of_range_is_an_error_naming_the_field()
    {
        var file = new ProvidersFile { Providers = [new ProviderConfig { Id = "p1", ApiUrl = "http://127.0.0.1:1/v1", ApiKey = "sk-x", DefaultModel = "m", TimeoutSeconds = 0 }] };
        var errors = ProvidersFileValidator.Validate(file);
        Assert.Contains(errors, e => e.Path.EndsWith(".timeout_seconds", StringComparison.Ordinal) && e.Message.Contains("1..3600"));
    }

    [Fact]
    public async Task After_the_retries_the_slot_falls_back_to_another_provider_for_complete_and_stream()
    {
        await using var primary = await Scripts.StartAsync("""
            turns:
              - fault: {status: 500}
              - fault: {status: 503}
              - fault: {status: 429}
              - fault: {status: 500}
              - fault: {status: 500}
              - fault: {status: 500}
            """);
        await using var backup = await Scripts.StartAsync("""
            turns:
              - expect: {model: backup-model, api_key: sk-backup-000000000002}
                respond: {content: "from the backup"}
              - expect: {stream: true}
                respond: {content: "streamed from the backup"}
            """);
        var config = new ProvidersFile
        {
            Providers = [Configs.OpenAi("p1", primary, "sk-primary-000000000001"), Configs.OpenAi("p2", backup, "sk-backup-000000000002", "backup-model")],
            Routing = { [ModelSlots.Coding] = new SlotRoute { Provider = "p1", Model = "m1", Fallback = new SlotRoute { Provider = "p2" } } },
        };
        using var factory = new ChatModelFactory();
        var routed = new RoutedChatModel(new ModelRouter(config), factory, new PriceTable(), Fast);
        var failures = new List<RouteFailure>();
        routed.RouteFailed += failures.Add;

        var response = await routed.CompleteAsync(Ask(), CancellationToken.None);
        Assert.Equal("from the backup", response.Content);
        Assert.Equal("p2", response.Provider);

        var builder = new ChatResponseBuilder();
        await foreach (var d in routed.StreamAsync(Ask(), CancellationToken.None)) builder.Add(d);
        Assert.Equal("streamed from the backup", builder.Build().Content);
        Assert.Equal("p2", builder.Build().Provider);

        Assert.Equal(2, failures.Count);
        Assert.All(failures, f => Assert.Equal(("p1/m1", "p2/backup-model"), (f.Route, f.NextRoute)));
        primary.AssertCompleted();
        backup.AssertCompleted();
    }

    [Fact]
    public async Task A_stream_cut_before_its_first_update_is_retried_and_malformed_tool_arguments_pass_through_untouched()
    {
        await using var primary = await Scripts.StartAsync("""
            turns:
              - fault: {cut_stream_after: 0}
                respond: {content: lost}
              - expect: {stream: true}
                respond:
                  tool_calls: [{id: call_bad, name: edit_file, arguments: "{\"path\": \"a.txt\", "}]
            """);
        var config = new ProvidersFile
        {
            Providers = [Configs.OpenAi("p1", primary, "sk-primary-000000000001")],
            DefaultProvider = "p1",
        };
        using var factory = new ChatModelFactory();
        var routed = new RoutedChatModel(new ModelRouter(config), factory, new PriceTable(), Fast);
        var builder = new ChatResponseBuilder();
        await foreach (var d in routed.StreamAsync(Ask(), CancellationToken.None)) builder.Add(d);
        var call = Assert.Single(builder.Build().ToolCalls);
        Assert.Equal("{\"path\": \"a.txt\", ", call.ArgumentsJson);
        primary.AssertCompleted();
    }

    [Fact]
    public async Task When_every_route_fails_the_error_names_each_route_and_no_key()
    {
        await using var only = await Scripts.StartAsync("""
            turns:
              - fault: {status: 401}
            """);
        var config = new ProvidersFile
        {
            Providers = [Configs.OpenAi("p1", only, "sk-secret-value-0000000009")],
            Routing = { [ModelSlots.Fast] = new SlotRoute { Provider = "p1" } },
        };
        using var factory = new ChatModelFactory();
        var routed = new RoutedChatModel(new ModelRouter(config), factory, new PriceTable(), Fast);
        var e = await Assert.ThrowsAsync<ChatModelException>(() => routed.CompleteAsync(Ask(ModelSlots.Fast), CancellationToken.None));
        Assert.Contains("p1/scripted-model", e.Message);
        Assert.Contains("401", e.Message);
        Assert.DoesNotContain("sk-secret-value-0000000009", e.ToString());
        Assert.Single(only.Requests); // 401 is not retried
    }
}
