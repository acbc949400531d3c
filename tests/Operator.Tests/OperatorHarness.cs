using System.Collections.Concurrent;
using Smooth.Llm.Clients;
using Smooth.Llm.Scripted;
using Smooth.Operator;
using Smooth.Operator.Events;
using Smooth.Operator.Host;
using Smooth.Operator.Remote;
using Smooth.Pearls;
using Smooth.Pearls.Model;
using Smooth.Pearls.Storage;
using Smooth.TestSupport;

namespace Smooth.Operator.Tests;

/// <summary>
/// A real operator in the test process (the direct mode): the scripted model server, the operator API on a Unix socket
/// with its stores, and the runtime talking to it through the same client a sandboxed operator uses.
/// </summary>
public sealed class OperatorHarness : IAsyncDisposable
{
    private readonly TempDir _sockets;

    private OperatorHarness(TempDir sockets, TempDir repo, ScriptedModelServer model, OperatorApiServer api, CheckpointStore checkpoints, IPearlStore pearls, Pearl pearl)
    {
        _sockets = sockets;
        Repo = repo;
        Model = model;
        Api = api;
        Checkpoints = checkpoints;
        Pearls = pearls;
        Pearl = pearl;
    }

    public TempDir Repo { get; }
    public ScriptedModelServer Model { get; }
    public OperatorApiServer Api { get; }
    public CheckpointStore Checkpoints { get; }
    public IPearlStore Pearls { get; }
    public Pearl Pearl { get; }
    public ConcurrentQueue<OperatorEvent> Events { get; } = new();
    public OperatorSession? Session { get; private set; }

    public static async Task<OperatorHarness> StartAsync(string scriptYaml, IReadOnlyDictionary<string, string>? files = null)
    {
        var repo = await Git.CreateRepoAsync(files);
        var state = Path.Combine(repo.Path, ".smooth");
        Directory.CreateDirectory(state);
        IPearlStore pearls = new SerializedPearlStore(await SqlitePearlStore.OpenAsync(Path.Combine(state, "pearls.db"), "test"));
        var pearl = await pearls.CreateAsync(new NewPearl { Title = "the task", Description = "do the task" }, CancellationToken.None);
        var other = await pearls.CreateAsync(new NewPearl { Title = "someone else's task" }, CancellationToken.None);
        var checkpoints = await CheckpointStore.OpenAsync(state, CancellationToken.None);
        // Scripts name the run's pearl as $PEARL and a pearl outside its scope as $OTHER.
        var script = scriptYaml.Replace("$PEARL", pearl.Id, StringComparison.Ordinal).Replace("$OTHER", other.Id, StringComparison.Ordinal);
        var model = await ScriptedModelServer.StartAsync(ScriptLoader.Parse(script, "test-script"), ListenAddress.Loopback);
        var sockets = new TempDir();
        var api = await OperatorApiServer.StartAsync(Path.Combine(sockets.Path, "op.sock"), checkpoints, pearls, CancellationToken.None);
        return new OperatorHarness(sockets, repo, model, api, checkpoints, pearls, pearl);
    }

    public OperatorSpec Spec(string runId = "run-000000000001", int maxIterations = 20, decimal? budget = null, string? testCommand = null) => new()
    {
        RunId = runId, PearlId = Pearl.Id, Task = "do the task", Workspace = Repo.Path, MaxIterations = maxIterations, BudgetUsd = budget,
        TestCommand = testCommand, BashTimeoutSeconds = 30,
    };

    /// <summary>Runs an operator on <paramref name="spec"/> with <paramref name="guard"/> (no checks when null).</summary>
    public async Task<OperatorOutcome> RunAsync(OperatorSpec spec, HostToolGuard? guard = null, Action<OperatorSession>? onSession = null,
        IChatModel? model = null, CancellationToken ct = default)
    {
        var session = new OperatorSession(spec, [Pearl.Id], guard ?? new HostToolGuard([], []), e => Events.Enqueue(e),
            await Checkpoints.LastEventSeqAsync(spec.RunId, ct));
        Session = session;
        Api.Add(session);
        onSession?.Invoke(session);
        try
        {
            await using var client = new OperatorApiClient(Api.SocketPath, session.Token);
            var env = new Dictionary<string, string> { ["PATH"] = "/usr/local/bin:/usr/bin:/bin", ["HOME"] = Repo.Path, ["LANG"] = "C.UTF-8" };
            return await OperatorRuntime.RunAsync(spec, model ?? new OpenAiChatModel(Model.BaseUrl, "test-key", "scripted"), new OperatorServices
            {
                Events = client, Checkpoints = client, Control = client, Guard = client, Crew = client, CommandEnvironment = env,
            }, ct);
        }
        finally
        {
            Api.Remove(session);
        }
    }

    public IReadOnlyList<OperatorEvent> Of(string type) => Events.Where(e => e.Type == type).ToList();

    public async ValueTask DisposeAsync()
    {
        await Api.DisposeAsync();
        await Model.DisposeAsync();
        await Checkpoints.DisposeAsync();
        await Pearls.DisposeAsync();
        Repo.Dispose();
        _sockets.Dispose();
    }
}
