using System.Runtime.CompilerServices;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using Smooth.Core;
using Smooth.Llm.Clients;
using Smooth.Llm.Pricing;

namespace Smooth.Llm.Routing;

/// <summary>
/// The chat interface over routing slots: resolves the model to a chain of routes, tries each with retries and
/// exponential backoff on 429/5xx/timeouts (Polly), then moves to the fallback. Streams are retried only until
/// their first update; after that a failure is the caller's to see. Responses carry provider, model and cost.
/// </summary>
public sealed class RoutedChatModel : IChatModel
{
    private readonly ModelRouter _router;
    private readonly ChatModelFactory _factory;
    private readonly PriceTable _prices;
    private readonly ResiliencePipeline _pipeline;
    private readonly RetrySettings _retry;
    private readonly Dictionary<TimeSpan, ResiliencePipeline> _pipelines = [];

    /// <summary>Creates the router client.</summary>
    public RoutedChatModel(ModelRouter router, ChatModelFactory factory, PriceTable prices, RetrySettings? retry = null)
    {
        _router = router;
        _factory = factory;
        _prices = prices;
        _retry = retry ?? new RetrySettings();
        _pipeline = Build(_retry, _retry.AttemptTimeout);
    }

    // One pipeline per attempt timeout: most providers share the default; a provider with timeout_seconds gets its own.
    private ResiliencePipeline PipelineFor(ResolvedRoute route)
    {
        if (route.Provider.TimeoutSeconds is not { } seconds) return _pipeline;
        var timeout = TimeSpan.FromSeconds(seconds);
        lock (_pipelines)
        {
            if (!_pipelines.TryGetValue(timeout, out var pipeline)) _pipelines[timeout] = pipeline = Build(_retry, timeout);
            return pipeline;
        }
    }

    private static ResiliencePipeline Build(RetrySettings retry, TimeSpan attemptTimeout)
    {
        var builder = new ResiliencePipelineBuilder();
        if (retry.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<ChatModelException>(e => e.IsTransient).Handle<TimeoutRejectedException>(),
                MaxRetryAttempts = retry.MaxRetries,
                Delay = retry.BaseDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
            });
        }
        builder.AddTimeout(attemptTimeout);
        return builder.Build();
    }

    /// <summary>Called when a route gives up and the next one is tried (or none is left).</summary>
    public event Action<RouteFailure>? RouteFailed;

    /// <summary>The price table used for costs.</summary>
    public PriceTable Prices => _prices;

    /// <inheritdoc />
    public async Task<ChatResponse> CompleteAsync(ChatRequest request, CancellationToken ct)
    {
        var chain = _router.Resolve(request.Model);
        var errors = new List<string>();
        for (var i = 0; i < chain.Count; i++)
        {
            var route = chain[i];
            try
            {
                var client = _factory.Get(route);
                var response = await PipelineFor(route).ExecuteAsync(async token => await client.CompleteAsync(request with { Model = route.Model }, token), ct);
                return response with
                {
                    Provider = route.Provider.Id,
                    Model = route.Model,
                    CostUsd = _prices.Cost(route.Provider.Id, route.Model, response.Usage),
                };
            }
            catch (Exception e) when (IsRouteFailure(e, ct))
            {
                errors.Add($"{route.Name}: {Describe(e)}");
                RouteFailed?.Invoke(new RouteFailure(route.Name, Describe(e), i + 1 < chain.Count ? chain[i + 1].Name : null));
            }
        }
        throw AllFailed(request.Model, errors);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<ChatDelta> StreamAsync(ChatRequest request, [EnumeratorCancellation] CancellationToken ct)
    {
        var chain = _router.Resolve(request.Model);
        var errors = new List<string>();
        for (var i = 0; i < chain.Count; i++)
        {
            var route = chain[i];
            IAsyncEnumerator<ChatDelta>? stream = null;
            ChatDelta? first = null;
            try
            {
                var client = _factory.Get(route);
                (stream, first) = await PipelineFor(route).ExecuteAsync(async token =>
                {
                    var e = client.StreamAsync(request with { Model = route.Model }, ct).GetAsyncEnumerator(ct);
                    try
                    {
                        // The attempt counts as started once the first update arrives; until then it can be retried.
                        var has = await e.MoveNextAsync().AsTask().WaitAsync(token);
                        return (e, has ? e.Current : null);
                    }
                    catch
                    {
                        await e.DisposeAsync();
                        throw;
                    }
                }, ct);
            }
            catch (Exception e) when (IsRouteFailure(e, ct))
            {
                errors.Add($"{route.Name}: {Describe(e)}");
                RouteFailed?.Invoke(new RouteFailure(route.Name, Describe(e), i + 1 < chain.Count ? chain[i + 1].Name : null));
                continue;
            }
            await using (stream)
            {
                if (first is null)
                {
                    yield break;
                }
                yield return Annotate(first, route);
                while (await stream.MoveNextAsync())
                {
                    yield return Annotate(stream.Current, route);
                }
            }
            yield break;
        }
        throw AllFailed(request.Model, errors);
    }

    private static ChatDelta Annotate(ChatDelta delta, ResolvedRoute route) => delta with { Provider = route.Provider.Id, Model = route.Model };

    private static bool IsRouteFailure(Exception e, CancellationToken ct) =>
        !ct.IsCancellationRequested && e is ChatModelException or TimeoutRejectedException or SmoothException;

    private static string Describe(Exception e) => e switch
    {
        TimeoutRejectedException => "timed out",
        _ => e.Message,
    };

    // Trying the whole chain again later may help (the usual cause is an overloaded or unreachable provider).
    private static ChatModelException AllFailed(string model, List<string> errors) =>
        new($"every route of '{model}' failed: {string.Join("; ", errors)}", null, isTransient: true);
}
