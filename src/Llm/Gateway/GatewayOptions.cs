using Smooth.Core.Events;
using Smooth.Llm.Clients;
using Smooth.Llm.Pricing;

namespace Smooth.Llm.Gateway;

/// <summary>What the gateway needs: where to listen, the routed model, prices, runs, and the secrets to keep out of output.</summary>
public sealed record GatewayOptions
{
    /// <summary>The Unix socket to listen on (created 0600).</summary>
    public required string SocketPath { get; init; }
    /// <summary>The model behind the gateway (normally a <see cref="Routing.RoutedChatModel"/>).</summary>
    public required IChatModel Model { get; init; }
    /// <summary>Prices for streamed answers (non-streamed ones carry their cost).</summary>
    public required PriceTable Prices { get; init; }
    /// <summary>The runs and their tokens.</summary>
    public required RunRegistry Runs { get; init; }
    /// <summary>Every provider key, so no response, event, log line or error can carry one.</summary>
    public IReadOnlyCollection<string> Secrets { get; init; } = [];
    /// <summary>Where <c>llm.*</c> events go, if anywhere.</summary>
    public IEventSink? Events { get; init; }
    /// <summary>A log of requests (one line each), if wanted.</summary>
    public TextWriter? Log { get; init; }
}
