using Smooth.Llm.Clients;
using Smooth.Llm.Config;

namespace Smooth.Llm.Routing;

/// <summary>Creates (and caches) the SDK client for each route, with the provider's key resolved on the host.</summary>
public sealed class ChatModelFactory : IDisposable
{
    private readonly Dictionary<string, IChatModel> _clients = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly Func<string, string?> _environment;
    private readonly TimeSpan _timeout;

    /// <summary>Creates a factory; <paramref name="environment"/> resolves <c>api_key_env</c> (the process environment by default).</summary>
    public ChatModelFactory(Func<string, string?>? environment = null, TimeSpan? timeout = null)
    {
        _environment = environment ?? Environment.GetEnvironmentVariable;
        _timeout = timeout ?? TimeSpan.FromMinutes(5);
    }

    /// <summary>The client for <paramref name="route"/>.</summary>
    public IChatModel Get(ResolvedRoute route)
    {
        lock (_gate)
        {
            if (_clients.TryGetValue(route.Name, out var existing))
            {
                return existing;
            }
            var key = ApiKeyResolver.Resolve(route.Provider, _environment);
            var url = new Uri(route.Provider.ApiUrl);
            // The SDK's own timeout must not cut an attempt the provider allows longer than the default.
            var timeout = route.Provider.TimeoutSeconds is { } s && TimeSpan.FromSeconds(s) > _timeout ? TimeSpan.FromSeconds(s) : _timeout;
            IChatModel client = route.Provider.ApiFormat == ApiFormat.Anthropic
                ? new AnthropicChatModel(url, key, route.Model, timeout: timeout)
                : new OpenAiChatModel(url, key, route.Model, timeout: timeout);
            _clients[route.Name] = client;
            return client;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var client in _clients.Values.OfType<IDisposable>())
            {
                client.Dispose();
            }
            _clients.Clear();
        }
    }
}
