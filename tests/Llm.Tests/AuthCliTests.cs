using System.Text.Json;
using Smooth.TestSupport;

namespace Smooth.Llm.Tests;

/// <summary><c>th auth</c> end to end through the installed binary, with a temporary HOME.</summary>
public class AuthCliTests
{
    private const string Key = "sk-cli-test-KEY-0123456789wxyz";

    private static Task<Smooth.Core.Processes.ProcessResult> Th_(TempDir home, string? stdin, params string[] args) =>
        Th.RunAsync(home.Path, args, home: home.Path, stdin: stdin, env: new Dictionary<string, string?> { ["CLI_TEST_KEY"] = "sk-env-KEY-00000000009876" });

    private static string ProvidersPath(TempDir home) => home.Combine(".smooth", "providers.json");

    [Fact]
    public async Task Login_route_default_providers_and_logout_work_and_never_print_a_key()
    {
        using var home = new TempDir();
        var outputs = new List<string>();
        async Task<Smooth.Core.Processes.ProcessResult> Ok(string? stdin, params string[] args)
        {
            var r = await Th_(home, stdin, args);
            outputs.Add(r.StandardOutput + r.StandardError);
            Assert.True(r.ExitCode == 0, $"th {string.Join(' ', args)} exited {r.ExitCode}: {r.StandardError}");
            return r;
        }

        var login = await Ok(Key + "\n", "auth", "login", "openai", "--key-stdin");
        Assert.Contains("sk-…wxyz", login.StandardOutput);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(ProvidersPath(home)));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(home.Combine(".smooth")));

        await Ok(null, "auth", "login", "anthropic", "--key-env", "CLI_TEST_KEY");
        await Ok(null, "auth", "login", "ollama");
        await Ok(null, "auth", "login", "corp", "--url", "https://llm.example.com/v1", "--model", "corp-coder", "--key-env", "CORP_KEY");
        await Ok(null, "auth", "route", "smooth-coding", "anthropic/claude-sonnet-4-5", "--fallback", "openai/gpt-5");
        await Ok(null, "auth", "route", "smooth-fast", "ollama");
        await Ok(null, "auth", "default", "corp");

        var json = await Ok(null, "auth", "providers", "--json");
        using (var doc = JsonDocument.Parse(json.StandardOutput))
        {
            var providers = doc.RootElement.GetProperty("providers").EnumerateArray().ToDictionary(p => p.GetProperty("id").GetString()!);
            Assert.Equal(["openai", "anthropic", "ollama", "corp"], providers.Keys);
            Assert.Equal("sk-…wxyz", providers["openai"].GetProperty("key_hint").GetString());
            Assert.Equal("env:CLI_TEST_KEY", providers["anthropic"].GetProperty("key_source").GetString());
            Assert.True(providers["anthropic"].GetProperty("key_available").GetBoolean());
            Assert.False(providers["corp"].GetProperty("key_available").GetBoolean());
            Assert.True(providers["corp"].GetProperty("default").GetBoolean());
            Assert.Equal("none", providers["ollama"].GetProperty("key_source").GetString());
            var routing = doc.RootElement.GetProperty("routing");
            Assert.Equal("anthropic/claude-sonnet-4-5 -> openai/gpt-5", routing.GetProperty("smooth-coding").GetString());
            Assert.Equal("anthropic/claude-sonnet-4-5 -> openai/gpt-5", routing.GetProperty("smooth-default").GetString());
            Assert.Equal("ollama/qwen2.5-coder", routing.GetProperty("smooth-fast").GetString());
            Assert.Equal("corp/corp-coder", routing.GetProperty("smooth-judge").GetString());
        }
        await Ok(null, "auth", "providers");

        await Ok(null, "auth", "logout", "anthropic");
        var after = await Ok(null, "auth", "providers", "--json");
        Assert.DoesNotContain("\"anthropic\"", after.StandardOutput);
        Assert.Contains("\"smooth-coding\": \"openai/gpt-5\"", after.StandardOutput);

        Assert.All(outputs, o => Assert.DoesNotContain(Key, o));
        Assert.All(outputs, o => Assert.DoesNotContain("sk-env-KEY-00000000009876", o));
        Assert.Contains(Key, await File.ReadAllTextAsync(ProvidersPath(home)));
    }

    [Theory]
    [InlineData(new[] { "auth", "login", "nowhere" }, "not a known provider")]
    [InlineData(new[] { "auth", "login", "openai" }, "no terminal to ask on")]
    [InlineData(new[] { "auth", "login", "openai", "--key-env", "X", "--key-stdin" }, "mutually exclusive")]
    [InlineData(new[] { "auth", "login", "openai", "--key-env", "not-a-var" }, "$.providers[0].api_key_env")]
    [InlineData(new[] { "auth", "login", "corp", "--url", "ftp://x", "--model", "m", "--key-env", "K" }, "$.providers[0].api_url")]
    [InlineData(new[] { "auth", "route", "smooth-turbo", "openai" }, "'smooth-turbo' is not a slot")]
    [InlineData(new[] { "auth", "route", "smooth-coding", "ghost/model" }, "provider 'ghost' is not configured")]
    [InlineData(new[] { "auth", "default", "ghost" }, "provider 'ghost' is not configured")]
    [InlineData(new[] { "auth", "logout", "ghost" }, "provider 'ghost' is not configured")]
    public async Task Bad_input_is_refused_with_a_hint_and_changes_nothing(string[] args, string message)
    {
        using var home = new TempDir();
        var r = await Th_(home, "", args);
        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains(message, r.StandardError);
        Assert.Contains("hint:", r.StandardError);
        Assert.False(File.Exists(ProvidersPath(home)));
    }

    [Fact]
    public async Task A_group_readable_file_is_refused_with_a_chmod_hint_and_a_malformed_one_names_the_field()
    {
        using var home = new TempDir();
        var r = await Th_(home, Key, "auth", "login", "openai", "--key-stdin");
        Assert.Equal(0, r.ExitCode);
        File.SetUnixFileMode(ProvidersPath(home), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
        var refused = await Th_(home, null, "auth", "providers");
        Assert.Equal(5, refused.ExitCode);
        Assert.Contains("chmod 600", refused.StandardError);
        Assert.DoesNotContain(Key, refused.StandardOutput + refused.StandardError);

        var text = await File.ReadAllTextAsync(ProvidersPath(home));
        await File.WriteAllTextAsync(ProvidersPath(home), text.Replace("\"api_format\": \"openai\"", "\"api_format\": \"soap\"", StringComparison.Ordinal));
        File.SetUnixFileMode(ProvidersPath(home), UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var before = await File.ReadAllTextAsync(ProvidersPath(home));
        var malformed = await Th_(home, null, "auth", "route", "smooth-fast", "openai");
        Assert.Equal(2, malformed.ExitCode);
        Assert.Contains(ProvidersPath(home), malformed.StandardError);
        Assert.Contains("$.providers[0].api_format", malformed.StandardError);
        Assert.DoesNotContain(Key, malformed.StandardOutput + malformed.StandardError);
        Assert.Equal(before, await File.ReadAllTextAsync(ProvidersPath(home)));
    }
}
