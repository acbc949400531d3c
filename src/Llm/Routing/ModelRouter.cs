using Smooth.Core;
using Smooth.Llm.Config;

namespace Smooth.Llm.Routing;

/// <summary>Turns a slot or an explicit <c>provider/model</c> into the chain of routes to try, primary first, then fallbacks.</summary>
public sealed class ModelRouter
{
    private readonly ProvidersFile _config;

    /// <summary>Creates a router over <paramref name="config"/>.</summary>
    public ModelRouter(ProvidersFile config) => _config = config;

    /// <summary>The configuration routed over.</summary>
    public ProvidersFile Config => _config;

    /// <summary>Resolves <paramref name="model"/> (a slot, or <c>provider/model</c>) to its chain. Throws a clear error when it cannot.</summary>
    public IReadOnlyList<ResolvedRoute> Resolve(string model)
    {
        if (ModelSlots.IsSlot(model))
        {
            return ResolveSlot(model);
        }
        var slash = model.IndexOf('/');
        if (slash > 0)
        {
            var providerId = model[..slash];
            var provider = _config.FindProvider(providerId) ?? throw new SmoothException(
                $"model '{model}' names unknown provider '{providerId}'",
                "run 'th auth providers' to see the configured providers", ExitCodes.NotFound);
            var name = model[(slash + 1)..];
            return [new ResolvedRoute(provider, name.Length == 0 ? provider.DefaultModel : name)];
        }
        throw new SmoothException(
            $"'{model}' is neither a routing slot nor provider/model",
            $"use one of {string.Join(", ", ModelSlots.All)}, or provider/model", ExitCodes.BadInput);
    }

    /// <summary>The route of a slot, before fallbacks: as configured; smooth-default falls back to smooth-coding; then the default provider.</summary>
    public SlotRoute? RouteOf(string slot)
    {
        if (_config.Routing.TryGetValue(slot, out var route))
        {
            return route;
        }
        if (slot == ModelSlots.Default && _config.Routing.TryGetValue(ModelSlots.Coding, out var coding))
        {
            return coding;
        }
        var defaultProvider = _config.DefaultProvider ?? (_config.Providers.Count == 1 ? _config.Providers[0].Id : null);
        return defaultProvider is null ? null : new SlotRoute { Provider = defaultProvider };
    }

    private List<ResolvedRoute> ResolveSlot(string slot)
    {
        var route = RouteOf(slot) ?? throw new SmoothException(
            $"slot '{slot}' is not routed and there is no default provider",
            $"run 'th auth route {slot} <provider>/<model>' or 'th auth default <provider>'", ExitCodes.Environment);
        var chain = new List<ResolvedRoute>();
        for (var r = route; r is not null && chain.Count < 6; r = r.Fallback)
        {
            var provider = _config.FindProvider(r.Provider) ?? throw new SmoothException(
                $"slot '{slot}' routes to unknown provider '{r.Provider}'",
                $"run 'th auth login {r.Provider}' or re-route the slot", ExitCodes.Environment);
            chain.Add(new ResolvedRoute(provider, string.IsNullOrEmpty(r.Model) ? provider.DefaultModel : r.Model));
        }
        return chain;
    }
}
