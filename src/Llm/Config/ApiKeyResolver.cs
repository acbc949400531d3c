using Smooth.Core;

namespace Smooth.Llm.Config;

/// <summary>Finds a provider's key: in the file, or in the named environment variable.</summary>
public static class ApiKeyResolver
{
    /// <summary>Returns the key, null when the provider needs none, or throws a clear error naming the missing source (never the key).</summary>
    public static string? Resolve(ProviderConfig provider, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        if (provider.ApiKey is { Length: > 0 } key)
        {
            return key;
        }
        if (provider.ApiKeyEnv is { } name)
        {
            var value = environment(name);
            if (string.IsNullOrEmpty(value))
            {
                throw new SmoothException(
                    $"provider '{provider.Id}' takes its key from ${name}, which is not set",
                    $"export {name}=... or run 'th auth login {provider.Id}'",
                    ExitCodes.Environment);
            }
            return value;
        }
        if (provider.NoKey)
        {
            return null;
        }
        throw new SmoothException($"provider '{provider.Id}' has no key", $"run 'th auth login {provider.Id}'", ExitCodes.Environment);
    }
}
