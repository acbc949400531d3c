using System.Text.Json;

namespace Smooth.Governor;

/// <summary>
/// Finds a repository's test command when neither the pearl nor the project config names one, from the files that
/// each ecosystem keeps at the root. Commands are argument lists run inside the sandbox.
/// </summary>
public static class TestCommandDetector
{
    /// <summary>The detected command, or null when nothing recognisable is there.</summary>
    public static IReadOnlyList<string>? Detect(string repoRoot)
    {
        bool Has(string name) => File.Exists(Path.Combine(repoRoot, name));
        bool HasAny(string pattern) => Directory.EnumerateFiles(repoRoot, pattern, SearchOption.TopDirectoryOnly).Any();

        if (Has("package.json") && HasNpmTestScript(Path.Combine(repoRoot, "package.json"))) return ["npm", "test", "--silent"];
        if (HasAny("*.sln") || HasAny("*.slnx") || HasAny("*.csproj")) return ["dotnet", "test"];
        if (Has("Cargo.toml")) return ["cargo", "test"];
        if (Has("go.mod")) return ["go", "test", "-v", "./..."];
        if (Has("pyproject.toml") || Has("pytest.ini") || Has("setup.cfg") || Has("tox.ini")) return ["python3", "-m", "pytest"];
        if (Has("Makefile") && File.ReadLines(Path.Combine(repoRoot, "Makefile")).Any(l => l.StartsWith("test:", StringComparison.Ordinal))) return ["make", "test"];
        if (Has("test.sh")) return ["sh", "test.sh"];
        return null;
    }

    private static bool HasNpmTestScript(string packageJson)
    {
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(packageJson));
            return doc.RootElement.TryGetProperty("scripts", out var scripts)
                && scripts.ValueKind == JsonValueKind.Object
                && scripts.TryGetProperty("test", out var test)
                && test.ValueKind == JsonValueKind.String
                && !test.GetString()!.Contains("no test specified", StringComparison.Ordinal);
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
