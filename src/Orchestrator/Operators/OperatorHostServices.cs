using Smooth.Core.Events;
using Smooth.Llm.Config;
using Smooth.Llm.Gateway;
using Smooth.Operator.Host;
using Smooth.Orchestrator.Guards;
using Smooth.Orchestrator.Safehouse;
using Smooth.Pearls;
using Smooth.Pearls.Storage;

namespace Smooth.Orchestrator.Operators;

/// <summary>
/// The host services operators of one project reach from their sandboxes: the LLM gateway (the keys stay here) and the
/// operator API, each on a Unix socket in a private directory, plus the stores behind them. One instance serves any
/// number of runs (the daemon keeps one; <c>th exec</c> starts one for its run).
/// </summary>
public sealed class OperatorHostServices : IAsyncDisposable
{
    private OperatorHostServices(string projectRoot, string socketDir, LlmGateway gateway, OperatorApiServer api, CheckpointStore checkpoints, IPearlStore pearls, IEventSink events, ProjectGuards guards,
        SandboxCredentials? credentials)
    {
        Credentials = credentials;
        Guards = guards;
        ProjectRoot = projectRoot;
        SocketDir = socketDir;
        Gateway = gateway;
        Api = api;
        Checkpoints = checkpoints;
        Pearls = pearls;
        Events = events;
    }

    /// <summary>The project.</summary>
    public string ProjectRoot { get; }

    /// <summary>The private directory holding the sockets (0700).</summary>
    public string SocketDir { get; }

    /// <summary>The LLM gateway.</summary>
    public LlmGateway Gateway { get; }

    /// <summary>The operator API.</summary>
    public OperatorApiServer Api { get; }

    /// <summary>Checkpoints (Groove).</summary>
    public CheckpointStore Checkpoints { get; }

    /// <summary>The project's pearls.</summary>
    public IPearlStore Pearls { get; }

    /// <summary>The checks of every run's tool calls (policy, surveillance).</summary>
    public ProjectGuards Guards { get; }

    /// <summary>Bootstrap Bill, when the user has a credential config (<c>~/.smooth/credentials.yaml</c>).</summary>
    public SandboxCredentials? Credentials { get; }

    /// <summary>Where host-side events go (audit).</summary>
    public IEventSink Events { get; }

    /// <summary>Starts the services for <paramref name="projectRoot"/> with the model configuration <paramref name="providers"/>.</summary>
    public static async Task<OperatorHostServices> StartAsync(string projectRoot, ProvidersFile providers, IEventSink events, CancellationToken ct,
        Func<string, string?>? environment = null)
    {
        // Short and private: socket paths are limited to 108 bytes, and nobody else may connect.
        var dir = Path.Combine(Path.GetTempPath(), $"smooth-op-{Guid.NewGuid():N}"[..22]);
        Directory.CreateDirectory(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        IPearlStore? pearls = null;
        CheckpointStore? checkpoints = null;
        LlmGateway? gateway = null;
        SandboxCredentials? credentials = null;
        try
        {
            var stateDir = Core.ProjectLocator.StateDir(projectRoot);
            // The guards' files are parsed while the stores open and the gateway starts (the longest part of a start).
            var reading = ProjectGuards.StartReading(projectRoot, ct);
            // One connection shared by every run and the operator API: calls take turns.
            pearls = new SerializedPearlStore(await SqlitePearlStore.OpenAsync(SqlitePearlStore.DatabasePathFor(projectRoot), "operator", ct: ct));
            checkpoints = await CheckpointStore.OpenAsync(stateDir, ct);
            gateway = await LlmGatewayFactory.StartAsync(providers, Path.Combine(dir, "llm.sock"), new RunRegistry(), ct, events, environment: environment);
            var guards = await ProjectGuards.LoadAsync(projectRoot, reading, events, gateway, ct);
            credentials = await SandboxCredentials.StartAsync(null, events, ct);
            var api = await OperatorApiServer.StartAsync(Path.Combine(dir, "operator.sock"), checkpoints, pearls, ct);
            return new OperatorHostServices(projectRoot, dir, gateway, api, checkpoints, pearls, events, guards, credentials);
        }
        catch
        {
            if (credentials is not null) await credentials.DisposeAsync();
            if (gateway is not null) await gateway.DisposeAsync();
            if (checkpoints is not null) await checkpoints.DisposeAsync();
            if (pearls is not null) await pearls.DisposeAsync();
            Directory.Delete(dir, recursive: true);
            throw;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Api.DisposeAsync();
        if (Credentials is not null) await Credentials.DisposeAsync();
        await Guards.DisposeAsync();
        await Gateway.DisposeAsync();
        await Checkpoints.DisposeAsync();
        await Pearls.DisposeAsync();
        try
        {
            Directory.Delete(SocketDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
