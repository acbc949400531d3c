using System.Text.Json;
using Smooth.Core.Processes;
using Smooth.TestSupport;

namespace Smooth.Pearls.Tests;

/// <summary>A git repository with <c>th init</c> run in it, driven through the installed th binary.</summary>
internal sealed class CliProject : IDisposable
{
    private CliProject(TempDir repo) => Repo = repo;

    public TempDir Repo { get; }
    public string Path => Repo.Path;
    public string DbPath => Repo.Combine(".smooth", "pearls.db");

    public static async Task<CliProject> CreateAsync(TempDir? existing = null)
    {
        var repo = existing ?? await Git.CreateRepoAsync();
        await Th.RunOkAsync(repo.Path, "init");
        return new CliProject(repo);
    }

    public Task<ProcessResult> RunAsync(params string[] args) => Th.RunAsync(Path, args, env: new Dictionary<string, string?> { ["SMOOTH_ACTOR"] = "tester" });

    public async Task<string> OkAsync(params string[] args)
    {
        var r = await RunAsync(args);
        Assert.True(r.ExitCode == 0, $"th {string.Join(' ', args)} exited {r.ExitCode}: {r.StandardError}");
        return r.StandardOutput;
    }

    public async Task<JsonElement> JsonAsync(params string[] args)
    {
        var output = await OkAsync([.. args, "--json"]);
        using var doc = JsonDocument.Parse(output);
        return doc.RootElement.Clone();
    }

    public async Task<string> CreateAsync(string title, params string[] more) =>
        (await JsonAsync(["pearls", "create", title, .. more])).GetProperty("id").GetString()!;

    public void Dispose() => Repo.Dispose();
}
