using System.Text;
using Smooth.Core;
using Smooth.Llm.Config;
using Smooth.TestSupport;

namespace Smooth.Llm.Tests;

public class ProvidersConfigTests
{
    private const string Good = """
        {
          "version": 1,
          "default_provider": "openai",
          "providers": [
            {"id": "openai", "api_url": "https://api.openai.com/v1", "api_key": "sk-test-0123456789abcdef", "api_format": "openai", "default_model": "gpt-5"},
            {"id": "anthropic", "api_url": "https://api.anthropic.com", "api_key_env": "ANTHROPIC_API_KEY", "api_format": "anthropic", "default_model": "claude-sonnet-4-5"},
            {"id": "ollama", "api_url": "http://localhost:11434/v1", "no_key": true, "default_model": "qwen2.5-coder"}
          ],
          "routing": {
            "smooth-coding": {"provider": "anthropic", "model": "claude-sonnet-4-5", "fallback": {"provider": "openai", "model": "gpt-5"}},
            "smooth-fast": {"provider": "ollama"}
          },
          "prices": {"openai/gpt-5": {"input_per_mtok": 1.25, "output_per_mtok": 10}}
        }
        """;

    [Fact]
    public void Parses_a_valid_file_with_providers_routes_fallbacks_and_prices()
    {
        var file = ProvidersStore.Parse(Encoding.UTF8.GetBytes(Good), "providers.json");
        Assert.Equal(3, file.Providers.Count);
        Assert.Equal(ApiFormat.Anthropic, file.FindProvider("anthropic")!.ApiFormat);
        Assert.Equal("openai", file.Routing["smooth-coding"].Fallback!.Provider);
        Assert.Equal(10m, file.Prices["openai/gpt-5"].OutputPerMillion);
    }

    [Theory]
    [InlineData("\"api_format\": \"openai\"", "\"api_format\": \"grpc\"", "$.providers[0].api_format")]
    [InlineData("\"api_url\": \"https://api.openai.com/v1\"", "\"api_url\": \"not a url\"", "$.providers[0].api_url")]
    [InlineData("\"default_model\": \"gpt-5\"}", "\"default_model\": \"\"}", "$.providers[0].default_model")]
    [InlineData("\"id\": \"ollama\"", "\"id\": \"openai\"", "$.providers[2].id")]
    [InlineData("\"api_key_env\": \"ANTHROPIC_API_KEY\"", "\"api_key_env\": \"not-a-var\"", "$.providers[1].api_key_env")]
    [InlineData("\"no_key\": true, ", "", "$.providers[2].api_key")]
    [InlineData("\"smooth-fast\"", "\"smooth-turbo\"", "$.routing['smooth-turbo']")]
    [InlineData("\"fallback\": {\"provider\": \"openai\"", "\"fallback\": {\"provider\": \"nobody\"", "$.routing['smooth-coding'].fallback.provider")]
    [InlineData("\"default_provider\": \"openai\"", "\"default_provider\": \"ghost\"", "$.default_provider")]
    [InlineData("\"output_per_mtok\": 10", "\"output_per_mtok\": -1", "$.prices['openai/gpt-5'].output_per_mtok")]
    [InlineData("\"default_model\": \"qwen2.5-coder\"", "\"default_model\": \"qwen\", \"colour\": \"red\"", "$.providers[2]")]
    [InlineData("\"version\": 1", "\"version\": \"one\"", "$.version")]
    [InlineData("\"version\": 1", "\"version\": 7", "$.version")]
    public void Every_malformed_field_is_named_by_file_and_json_path(string from, string to, string path)
    {
        var json = Good.Replace(from, to, StringComparison.Ordinal);
        Assert.NotEqual(Good, json);
        var e = Assert.Throws<SmoothException>(() => ProvidersStore.Parse(Encoding.UTF8.GetBytes(json), "/x/providers.json"));
        Assert.Contains("/x/providers.json", e.Message);
        Assert.Contains(path, e.Message);
        Assert.Equal(ExitCodes.BadInput, e.ExitCode);
        Assert.NotNull(e.Hint);
        Assert.DoesNotContain("sk-test-0123456789abcdef", e.Message);
    }

    [Fact]
    public void A_file_without_the_optional_sections_parses_as_empty_ones()
    {
        var file = ProvidersStore.Parse(Encoding.UTF8.GetBytes(
            """{"version":1,"providers":[{"id":"local","api_url":"http://127.0.0.1:1/v1","no_key":true,"default_model":"m"}]}"""), "minimal");
        Assert.Single(file.Providers);
        Assert.Empty(file.Routing);
        Assert.Empty(file.Prices);
    }

    [Fact]
    public async Task Saves_with_mode_0600_and_refuses_a_file_others_can_read()
    {
        using var dir = new TempDir();
        var store = new ProvidersStore(dir.Combine(".smooth", "providers.json"));
        var file = ProvidersStore.Parse(Encoding.UTF8.GetBytes(Good), "good");
        await store.SaveAsync(file, CancellationToken.None);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(store.Path));
        Assert.Equal(3, (await store.LoadAsync(CancellationToken.None)).Providers.Count);

        File.SetUnixFileMode(store.Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        var e = await Assert.ThrowsAsync<SmoothException>(() => store.LoadAsync(CancellationToken.None));
        Assert.Contains("readable or writable by other users", e.Message);
        Assert.Contains("chmod 600", e.Hint);
        Assert.Equal(ExitCodes.Denied, e.ExitCode);
    }

    [Fact]
    public void Router_resolves_slots_defaults_fallbacks_and_explicit_models()
    {
        var file = ProvidersStore.Parse(Encoding.UTF8.GetBytes(Good), "good");
        var router = new Routing.ModelRouter(file);
        Assert.Equal(["anthropic/claude-sonnet-4-5", "openai/gpt-5"], router.Resolve(ModelSlots.Coding).Select(r => r.Name));
        Assert.Equal(["anthropic/claude-sonnet-4-5", "openai/gpt-5"], router.Resolve(ModelSlots.Default).Select(r => r.Name));
        Assert.Equal(["ollama/qwen2.5-coder"], router.Resolve(ModelSlots.Fast).Select(r => r.Name));
        Assert.Equal(["openai/gpt-5"], router.Resolve(ModelSlots.Judge).Select(r => r.Name));
        Assert.Equal(["openai/gpt-4.1"], router.Resolve("openai/gpt-4.1").Select(r => r.Name));
        Assert.Throws<SmoothException>(() => router.Resolve("gpt-5"));
        Assert.Throws<SmoothException>(() => router.Resolve("nobody/x"));
    }

    [Fact]
    public void Key_hints_never_reveal_more_than_the_last_four_characters()
    {
        Assert.Equal("sk-…wxyz", KeyRedaction.Hint("sk-abcdefghijklmnopqrstuvwxyz"));
        Assert.Equal("…", KeyRedaction.Hint("short"));
    }
}
