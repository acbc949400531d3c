using Smooth.Llm.Config;

namespace Smooth.Llm.Scripted;

/// <summary>A providers file that sends every model slot to a scripted model server (<c>th demo</c>, tests, benchmarks).</summary>
public static class ScriptedRouting
{
    /// <summary>
    /// The file for the server at <paramref name="baseUrl"/>: provider <paramref name="id"/> as the default for every
    /// slot, answering as <paramref name="model"/>. Without <paramref name="apiKey"/> the provider is keyless.
    /// </summary>
    public static ProvidersFile For(Uri baseUrl, string id = "scripted", string model = "scripted", string? apiKey = null, int? timeoutSeconds = null) => new()
    {
        DefaultProvider = id,
        Providers =
        [
            new ProviderConfig
            {
                Id = id, ApiUrl = baseUrl.ToString().TrimEnd('/'), ApiKey = apiKey, NoKey = apiKey is null, DefaultModel = model, TimeoutSeconds = timeoutSeconds,
            },
        ],
    };

    /// <summary>Writes the file for the server at <paramref name="baseUrl"/> to <paramref name="path"/> (validated, mode 0600).</summary>
    public static Task WriteAsync(string path, Uri baseUrl, CancellationToken ct, string id = "scripted", string model = "scripted", string? apiKey = null,
        int? timeoutSeconds = null) =>
        new ProvidersStore(path).SaveAsync(For(baseUrl, id, model, apiKey, timeoutSeconds), ct);
}
