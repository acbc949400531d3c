using Smooth.Core;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Smooth.Credentials;

/// <summary>Reads and validates <c>credentials.yaml</c>; every problem names the file, and the line when YAML knows it.</summary>
public static class CredentialConfigLoader
{
    /// <summary>The default location, <c>~/.smooth/credentials.yaml</c>.</summary>
    public static string DefaultPath => Path.Combine(ProjectLocator.UserStateDir(), "credentials.yaml");

    /// <summary>Loads the file; throws <see cref="SmoothException"/> with what and where when it is missing or invalid.</summary>
    public static async Task<LoadedCredentialConfig> LoadAsync(string path, CancellationToken ct)
    {
        if (!File.Exists(path))
        {
            throw new SmoothException($"credential config '{path}' does not exist",
                "create it (see docs/credentials.md for the format) or pass --config FILE", ExitCodes.NotFound);
        }
        var text = await File.ReadAllTextAsync(path, ct);
        return Parse(text, path);
    }

    /// <summary>Parses YAML text; <paramref name="origin"/> names it in errors.</summary>
    public static LoadedCredentialConfig Parse(string text, string origin)
    {
        CredentialConfig config;
        try
        {
            var deserializer = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build();
            config = deserializer.Deserialize<CredentialConfig?>(text) ?? new CredentialConfig();
        }
        catch (YamlException e)
        {
            var inner = e.InnerException?.Message ?? e.Message;
            throw new SmoothException($"{origin}:{e.Start.Line}: {inner}", "fix the YAML (see docs/credentials.md); nothing was started", ExitCodes.BadInput);
        }

        var services = new List<LoadedCredentialService>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < config.Services.Count; i++)
        {
            var s = config.Services[i];
            var where = $"{origin}: services[{i}]";
            if (string.IsNullOrWhiteSpace(s.Name)) throw Bad($"{where} has no name");
            if (!names.Add(s.Name)) throw Bad($"{where}: the name '{s.Name}' is used twice");
            if (s.Command.Count == 0 || string.IsNullOrWhiteSpace(s.Command[0])) throw Bad($"{where} ('{s.Name}') has no command");
            if (s.Match.Count == 0) throw Bad($"{where} ('{s.Name}') has no match patterns");
            if (s.TimeoutSeconds is < 1 or > 600) throw Bad($"{where} ('{s.Name}'): timeoutSeconds must be 1-600");
            var patterns = new List<UrlPattern>();
            foreach (var m in s.Match)
            {
                try
                {
                    patterns.Add(UrlPattern.Parse(m));
                }
                catch (FormatException e)
                {
                    throw Bad($"{where} ('{s.Name}'): {e.Message}");
                }
            }
            services.Add(new LoadedCredentialService(s, patterns));
        }
        return new LoadedCredentialConfig(services);
    }

    private static SmoothException Bad(string message) =>
        new(message, "fix the file (see docs/credentials.md); nothing was started", ExitCodes.BadInput);
}
