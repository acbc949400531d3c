using Smooth.Core.Events;
using Smooth.Llm.Gateway;
using Smooth.Operator.Host;
using Smooth.Surveillance;
using Smooth.Surveillance.Judge;
using Smooth.Surveillance.Rules;

namespace Smooth.Orchestrator.Guards;

/// <summary>
/// The checks every operator's tool calls pass in one project, built once per host: surveillance (rules reloaded when
/// their files change; gray cases judged through the LLM gateway's <c>smooth-judge</c> slot).
/// </summary>
public sealed class ProjectGuards : IDisposable
{
    private readonly RuleFileWatcher? _watcher;
    private readonly GatewayClient? _judgeClient;

    private ProjectGuards(SurveillanceEngine engine, RuleFileWatcher? watcher, GatewayClient? judgeClient)
    {
        Surveillance = engine;
        _watcher = watcher;
        _judgeClient = judgeClient;
    }

    /// <summary>Narc.</summary>
    public SurveillanceEngine Surveillance { get; }

    /// <summary>Loads the rules of <paramref name="projectRoot"/>; <paramref name="gateway"/> (when running) serves the judge.</summary>
    public static async Task<ProjectGuards> LoadAsync(string projectRoot, IEventSink events, LlmGateway? gateway, CancellationToken ct)
    {
        var rules = await RuleSetLoader.LoadForProjectAsync(projectRoot, ct);
        GatewayClient? judgeClient = null;
        ISurveillanceJudge? judge = null;
        if (gateway is not null)
        {
            judgeClient = new GatewayClient(gateway.SocketPath, gateway.Runs.Issue("narc-judge"), Llm.Config.ModelSlots.Judge, TimeSpan.FromSeconds(30));
            judge = new LlmJudge(judgeClient);
        }
        var engine = new SurveillanceEngine(rules, new SurveillanceOptions(), events, judge);
        RuleFileWatcher? watcher = null;
        var user = RuleSetLoader.UserRulesPath();
        var project = RuleSetLoader.ProjectRulesPath(projectRoot);
        if (Directory.Exists(Path.GetDirectoryName(project)))
        {
            watcher = new RuleFileWatcher(engine, Directory.Exists(Path.GetDirectoryName(user)) ? user : null, project, events);
        }
        return new ProjectGuards(engine, watcher, judgeClient);
    }

    /// <summary>The guard for one run.</summary>
    public HostToolGuard ForRun() => new([new SurveillanceCallCheck(Surveillance)], [new SurveillanceResultFilter(Surveillance)]);

    /// <inheritdoc />
    public void Dispose()
    {
        _watcher?.Dispose();
        _judgeClient?.Dispose();
    }
}
