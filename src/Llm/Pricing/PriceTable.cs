using Smooth.Llm.Clients;
using Smooth.Llm.Config;

namespace Smooth.Llm.Pricing;

/// <summary>
/// What tokens cost: a few built-in list prices, overridden by the <c>prices</c> section of providers.json
/// (keyed by <c>provider/model</c> first, then by model). A model with no price costs 0 and says so via <see cref="Knows"/>.
/// </summary>
public sealed class PriceTable
{
    private static readonly Dictionary<string, ModelPrice> BuiltIn = new(StringComparer.Ordinal)
    {
        ["gpt-5"] = new() { InputPerMillion = 1.25m, OutputPerMillion = 10m },
        ["gpt-5-mini"] = new() { InputPerMillion = 0.25m, OutputPerMillion = 2m },
        ["gpt-4.1"] = new() { InputPerMillion = 2m, OutputPerMillion = 8m },
        ["claude-sonnet-4-5"] = new() { InputPerMillion = 3m, OutputPerMillion = 15m },
        ["claude-opus-4-1"] = new() { InputPerMillion = 15m, OutputPerMillion = 75m },
        ["claude-haiku-4-5"] = new() { InputPerMillion = 1m, OutputPerMillion = 5m },
        ["gemini-2.5-pro"] = new() { InputPerMillion = 1.25m, OutputPerMillion = 10m },
        ["gemini-2.5-flash"] = new() { InputPerMillion = 0.30m, OutputPerMillion = 2.5m },
    };

    private readonly Dictionary<string, ModelPrice> _overrides;

    /// <summary>Creates a table with <paramref name="overrides"/> on top of the built-in prices.</summary>
    public PriceTable(IReadOnlyDictionary<string, ModelPrice>? overrides = null)
    {
        _overrides = overrides is null ? [] : new Dictionary<string, ModelPrice>(overrides, StringComparer.Ordinal);
    }

    /// <summary>The price of <paramref name="model"/> at <paramref name="provider"/>, or null when unknown.</summary>
    public ModelPrice? Find(string provider, string model) =>
        _overrides.GetValueOrDefault($"{provider}/{model}") ?? _overrides.GetValueOrDefault(model) ?? BuiltIn.GetValueOrDefault(model);

    /// <summary>True when the table has a price for the model.</summary>
    public bool Knows(string provider, string model) => Find(provider, model) is not null;

    /// <summary>The cost in US dollars of <paramref name="usage"/>.</summary>
    public decimal Cost(string provider, string model, ChatUsage usage)
    {
        if (Find(provider, model) is not { } price)
        {
            return 0m;
        }
        return (usage.InputTokens * price.InputPerMillion + usage.OutputTokens * price.OutputPerMillion) / 1_000_000m;
    }
}
