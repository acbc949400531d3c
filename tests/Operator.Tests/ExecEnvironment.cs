using System.Diagnostics;
using Smooth.Llm.Scripted;
using Smooth.TestSupport;

namespace Smooth.Operator.Tests;

/// <summary>
/// A user's machine for <c>th exec</c>: a git repository with <c>th init</c> done, a HOME whose providers.json routes
/// every slot to the scripted model server, and the installed th binary.
/// </summary>
public sealed class ExecEnvironment : IAsyncDisposable
{
    public const string ProviderKey = "sk-e2e-provider-key-0123456789";

    private ExecEnvironment(TempDir repo, TempDir home, ScriptedModelServer model)
    {
        Repo = repo;
        Home = home;
        Model = model;
    }

    public TempDir Repo { get; }
    public TempDir Home { get; }
    public ScriptedModelServer Model { get; }

    /// <summary>
    /// Starts the environment; <paramref name="providers"/> may write its own providers.json from the scripted server's
    /// base URL (the default routes every slot to it).
    /// </summary>
    public static async Task<ExecEnvironment> StartAsync(string script, IReadOnlyDictionary<string, string>? files = null, Func<string, string>? providers = null)
    {
        var repo = await Git.CreateRepoAsync(files);
        var home = new TempDir();
        var model = await ScriptedModelServer.StartAsync(ScriptLoader.Parse(script, "e2e"), ListenAddress.Loopback);
        var dir = Path.Combine(home.Path, ".smooth");
        Directory.CreateDirectory(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var providersFile = Path.Combine(dir, "providers.json");
        var url = model.BaseUrl.ToString().TrimEnd('/');
        await File.WriteAllTextAsync(providersFile, providers is not null ? providers(url) : ProvidersJson(url));
        File.SetUnixFileMode(providersFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var env = new ExecEnvironment(repo, home, model);
        var init = await env.ThAsync("init");
        Assert.True(init.ExitCode == 0, init.StandardError);
        return env;
    }

    /// <summary>A providers.json routing smooth-coding to the scripted server at <paramref name="url"/>.</summary>
    public static string ProvidersJson(string url, int? timeoutSeconds = null) =>
        System.Text.Json.JsonSerializer.Serialize(ScriptedRouting.For(new Uri(url), apiKey: ProviderKey, timeoutSeconds: timeoutSeconds), Llm.Config.LlmJsonContext.Default.ProvidersFile);

    public Task<Smooth.Core.Processes.ProcessResult> ThAsync(params string[] args) =>
        Th.RunAsync(Repo.Path, args, home: Home.Path, timeout: TimeSpan.FromMinutes(4));

    /// <summary>Starts th as a child process with stdout readable line by line (for kill tests).</summary>
    public Process Start(params string[] args)
    {
        var psi = new ProcessStartInfo(Th.Binary)
        {
            WorkingDirectory = Repo.Path, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["HOME"] = Home.Path;
        psi.Environment["NO_COLOR"] = "1";
        return Process.Start(psi)!;
    }

    public string Workspace(string runId) => Path.Combine(Repo.Path, ".smooth", "sandboxes", runId, "sb-1", "workspace");

    public async ValueTask DisposeAsync()
    {
        await Model.DisposeAsync();
        Repo.Dispose();
        Home.Dispose();
    }
}
