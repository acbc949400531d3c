using Smooth.Llm.Config;

namespace Smooth.Llm.Routing;

/// <summary>One concrete target: a provider and a model at it.</summary>
/// <param name="Provider">The provider's configuration (holds or names the key; never print it).</param>
/// <param name="Model">The model name at the provider.</param>
public sealed record ResolvedRoute(ProviderConfig Provider, string Model)
{
    /// <summary><c>provider/model</c>.</summary>
    public string Name => $"{Provider.Id}/{Model}";
}
