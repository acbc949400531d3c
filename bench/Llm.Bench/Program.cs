using System.Diagnostics;
using System.Globalization;
using Smooth.Llm.Clients;
using Smooth.Llm.Config;
using Smooth.Llm.Gateway;
using Smooth.Llm.Routing;
using Smooth.Llm.Scripted;

// Gateway added latency: the same OpenAI client calls the scripted model server directly (baseline) and through the
// gateway (Unix socket -> gateway -> loopback -> scripted server), in the same run, alternating request by request.
// Usage: dotnet run -c Release --project bench/Llm.Bench [-- ITERATIONS]
var iterations = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
const int Warmup = 200;
var turnsNeeded = (iterations + Warmup) * 2;

var dir = Path.Combine(Path.GetTempPath(), $"smooth-llm-bench-{Guid.NewGuid():N}");
Directory.CreateDirectory(dir);
try
{
    var turn = new ScriptTurn { Respond = new ScriptResponse { Content = "The answer is forty-two, as always.", Usage = new ScriptUsage { PromptTokens = 100, CompletionTokens = 10 } } };
    ScriptDocument Script() => new() { Name = "bench", Turns = Enumerable.Repeat(turn, turnsNeeded).ToList() };
    // Two identical scripted servers on loopback: one called directly (baseline), one as the gateway's provider.
    await using var behindTcp = await ScriptedModelServer.StartAsync(Script(), ListenAddress.Loopback);
    var config = new ProvidersFile
    {
        Providers = [new ProviderConfig { Id = "scripted", ApiUrl = behindTcp.BaseUrl.ToString(), ApiKey = "sk-bench-000000000000", DefaultModel = "scripted" }],
        DefaultProvider = "scripted",
    };
    await using var directTcp = await ScriptedModelServer.StartAsync(Script(), ListenAddress.Loopback);
    var runs = new RunRegistry();
    await using var gateway = await LlmGatewayFactory.StartAsync(config, Path.Combine(dir, "gateway.sock"), runs, CancellationToken.None,
        retry: new RetrySettings { MaxRetries = 0 });
    var token = runs.Issue("bench");

    // Baseline: the provider client straight to the scripted server on loopback (what the gateway itself does upstream).
    var baseline = new OpenAiChatModel(directTcp.BaseUrl, "sk-bench-000000000000", "scripted");
    using var viaGateway = new GatewayClient(gateway.SocketPath, token);
    var request = new ChatRequest { Model = ModelSlots.Coding, Messages = [ChatMessage.System("You are a benchmark."), ChatMessage.User("What is the answer?")] };

    async Task<double> Complete(IChatModel model)
    {
        var sw = Stopwatch.StartNew();
        var r = await model.CompleteAsync(request, CancellationToken.None);
        sw.Stop();
        if (r.Content.Length == 0) throw new InvalidOperationException("empty answer");
        return sw.Elapsed.TotalMilliseconds;
    }

    async Task<double> FirstToken(IChatModel model)
    {
        var sw = Stopwatch.StartNew();
        double first = -1;
        await foreach (var d in model.StreamAsync(request, CancellationToken.None))
        {
            if (first < 0 && d.Content.Length > 0) first = sw.Elapsed.TotalMilliseconds;
        }
        if (first < 0) throw new InvalidOperationException("no content streamed");
        return first;
    }

    for (var i = 0; i < Warmup / 2; i++)
    {
        await Complete(baseline); await Complete(viaGateway);
        await FirstToken(baseline); await FirstToken(viaGateway);
    }
    var results = new Dictionary<string, List<double>> { ["direct"] = [], ["gateway"] = [], ["direct-stream"] = [], ["gateway-stream"] = [] };
    for (var i = 0; i < iterations / 2; i++)
    {
        results["direct"].Add(await Complete(baseline));
        results["gateway"].Add(await Complete(viaGateway));
        results["direct-stream"].Add(await FirstToken(baseline));
        results["gateway-stream"].Add(await FirstToken(viaGateway));
    }

    static double Pct(List<double> xs, double p)
    {
        var sorted = xs.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }

    Console.WriteLine($"LLM gateway added latency ({iterations / 2} calls each, after {Warmup / 2} warm-up; {Environment.ProcessorCount} cores)");
    Console.WriteLine("| measurement | direct p50 (ms) | direct p99 (ms) | via gateway p50 (ms) | via gateway p99 (ms) | added p50 (ms) | ratio p50 |");
    Console.WriteLine("|---|---|---|---|---|---|---|");
    foreach (var (label, a, b) in new[] { ("non-streaming completion", "direct", "gateway"), ("streaming, first token", "direct-stream", "gateway-stream") })
    {
        double d50 = Pct(results[a], 0.5), d99 = Pct(results[a], 0.99), g50 = Pct(results[b], 0.5), g99 = Pct(results[b], 0.99);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {label} | {d50:0.000} | {d99:0.000} | {g50:0.000} | {g99:0.000} | {g50 - d50:0.000} | {g50 / d50:0.00}x |"));
    }
}
finally
{
    try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
}
