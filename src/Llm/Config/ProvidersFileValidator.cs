using System.Text.RegularExpressions;

namespace Smooth.Llm.Config;

/// <summary>Checks a parsed <see cref="ProvidersFile"/> and names every malformed field by its JSON path.</summary>
public static partial class ProvidersFileValidator
{
    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,63}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex EnvPattern();

    /// <summary>Returns every problem found; empty when the file is valid.</summary>
    public static IReadOnlyList<ConfigError> Validate(ProvidersFile file)
    {
        var errors = new List<ConfigError>();
        if (file.Version != 1)
        {
            errors.Add(new("$.version", $"unsupported version {file.Version} (this th reads version 1)"));
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < file.Providers.Count; i++)
        {
            var p = file.Providers[i];
            var at = $"$.providers[{i}]";
            if (p is null)
            {
                errors.Add(new(at, "must be an object"));
                continue;
            }
            if (string.IsNullOrEmpty(p.Id) || !IdPattern().IsMatch(p.Id))
            {
                errors.Add(new($"{at}.id", $"'{p.Id}' is not a valid provider id (lower-case letters, digits, '.', '_', '-')"));
            }
            else if (!seen.Add(p.Id))
            {
                errors.Add(new($"{at}.id", $"duplicate provider id '{p.Id}'"));
            }
            if (!Uri.TryCreate(p.ApiUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                errors.Add(new($"{at}.api_url", $"'{p.ApiUrl}' is not an absolute http(s) URL"));
            }
            if (p.ApiKey is not null && p.ApiKeyEnv is not null)
            {
                errors.Add(new($"{at}.api_key", "set either api_key or api_key_env, not both"));
            }
            if (p.ApiKey is { Length: 0 })
            {
                errors.Add(new($"{at}.api_key", "is empty"));
            }
            if (p.ApiKeyEnv is not null && !EnvPattern().IsMatch(p.ApiKeyEnv))
            {
                errors.Add(new($"{at}.api_key_env", $"'{p.ApiKeyEnv}' is not an environment variable name"));
            }
            if (p.ApiKey is null && p.ApiKeyEnv is null && !p.NoKey)
            {
                errors.Add(new($"{at}.api_key", "missing: set api_key or api_key_env (or no_key: true for a local server)"));
            }
            if (string.IsNullOrWhiteSpace(p.DefaultModel))
            {
                errors.Add(new($"{at}.default_model", "missing"));
            }
            if (p.TimeoutSeconds is { } t && (t < 1 || t > ProviderConfig.MaxTimeoutSeconds))
            {
                errors.Add(new($"{at}.timeout_seconds", $"must be 1..{ProviderConfig.MaxTimeoutSeconds} seconds (got {t})"));
            }
        }
        if (file.DefaultProvider is not null && file.FindProvider(file.DefaultProvider) is null)
        {
            errors.Add(new("$.default_provider", $"names unknown provider '{file.DefaultProvider}'"));
        }
        foreach (var (slot, route) in file.Routing)
        {
            var at = $"$.routing['{slot}']";
            if (!ModelSlots.IsSlot(slot))
            {
                errors.Add(new(at, $"unknown slot '{slot}' (slots: {string.Join(", ", ModelSlots.All)})"));
            }
            ValidateRoute(file, route, at, errors, depth: 0);
        }
        foreach (var (key, price) in file.Prices)
        {
            var at = $"$.prices['{key}']";
            if (price is null)
            {
                errors.Add(new(at, "must be an object"));
                continue;
            }
            if (price.InputPerMillion < 0) errors.Add(new($"{at}.input_per_mtok", "must not be negative"));
            if (price.OutputPerMillion < 0) errors.Add(new($"{at}.output_per_mtok", "must not be negative"));
        }
        return errors;
    }

    private static void ValidateRoute(ProvidersFile file, SlotRoute? route, string at, List<ConfigError> errors, int depth)
    {
        if (route is null)
        {
            errors.Add(new(at, "must be an object {provider, model, fallback?}"));
            return;
        }
        if (depth > 4)
        {
            errors.Add(new(at, "fallback chain is deeper than 4"));
            return;
        }
        if (string.IsNullOrEmpty(route.Provider))
        {
            errors.Add(new($"{at}.provider", "missing"));
        }
        else if (file.FindProvider(route.Provider) is null)
        {
            errors.Add(new($"{at}.provider", $"names unknown provider '{route.Provider}'"));
        }
        if (route.Model is { } m && (m.Length == 0 || m.Any(char.IsWhiteSpace)))
        {
            errors.Add(new($"{at}.model", $"'{m}' is not a model name"));
        }
        if (route.Fallback is not null)
        {
            ValidateRoute(file, route.Fallback, $"{at}.fallback", errors, depth + 1);
        }
    }
}
