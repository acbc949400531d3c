using Smooth.Core.Events;
using Smooth.Llm.Gateway;
using Smooth.Operator.Host;
using Smooth.Policy;
using Smooth.Policy.Access;
using Smooth.Surveillance;
using Smooth.Surveillance.Judge;
using Smooth.Surveillance.Rules;

namespace Smooth.Orchestrator.Guards;

/// <summary>
/// The checks every operator's tool calls pass in one project, built once per host: surveillance (rules reloaded when
/// their files change; gray cases judged through the LLM gateway's <c>smooth-judge</c> slot).
/// </summary>
public sealed class ProjectGuards : IAsyncDisposable
{
    private readonly RuleFileWatcher? _watcher;
    private readonly GatewayClient? _judgeClient;

    private readonly IEventSink _events;

    private ProjectGuards(PolicyLayers policy, AccessRequestStore access, SurveillanceEngine engine, RuleFileWatcher? watcher, GatewayClient? judgeClient, IEventSink events)
    {
        Access = access;
        Policy = policy;
        _events = events;
        Surveillance = engine;
        _watcher = watcher;
        _judgeClient = judgeClient;
    }

    /// <summary>Wonk: the project's layered policy (hot reloaded).</summary>
    public PolicyLayers Policy { get; }

    /// <summary>Access requests (filed by the egress gate, decided by a person).</summary>
    public AccessRequestStore Access { get; }

    /// <summary>Narc.</summary>
    public SurveillanceEngine Surveillance { get; }

    /// <summary>
    /// Starts reading the policy files and Narc's rules of <paramref name="projectRoot"/> on the thread pool: together
    /// about 200 ms of parsing and regex building, which can overlap the other host services' start-up. Pass the result to
    /// <see cref="LoadAsync"/>, which rethrows any error (a malformed file still stops the start).
    /// </summary>
    public static (Task<PolicyLayers> Policy, Task<RuleSet> Rules) StartReading(string projectRoot, CancellationToken ct) =>
        (Task.Run(() => PolicyLayers.Load(projectRoot), ct), Task.Run(() => RuleSetLoader.LoadForProjectAsync(projectRoot, ct), ct));

    /// <summary>
    /// Builds the guards of <paramref name="projectRoot"/> from the files <paramref name="reading"/> (from
    /// <see cref="StartReading"/>) parses; <paramref name="gateway"/> (when running) serves the judge.
    /// </summary>
    public static async Task<ProjectGuards> LoadAsync(string projectRoot, (Task<PolicyLayers> Policy, Task<RuleSet> Rules) reading,
        IEventSink events, LlmGateway? gateway, CancellationToken ct)
    {
        var policy = await reading.Policy;
        policy.Rejected += error => events.Emit(SmoothEvent.Create("policy.rejected", "policy", new Dictionary<string, string> { ["error"] = error, ["kept"] = "the last good policy" }));
        policy.Reloaded += files => events.Emit(SmoothEvent.Create("policy.reloaded", "policy", new Dictionary<string, string> { ["files"] = files }));
        var rules = await reading.Rules;
        GatewayClient? judgeClient = null;
        ISurveillanceJudge? judge = null;
        if (gateway is not null)
        {
            judgeClient = new GatewayClient(gateway.SocketPath, gateway.Runs.Issue("narc-judge"), Llm.Config.ModelSlots.Judge, TimeSpan.FromSeconds(30));
            judge = new LlmJudge(judgeClient);
        }
        // Narc's write guard protects what the policy protects.
        var engine = new SurveillanceEngine(rules, new SurveillanceOptions
        {
            ProtectedPaths = [.. policy.Current.Rules.Where(r => r.Section == "files.protected").Select(r => r.Text)],
        }, events, judge);
        RuleFileWatcher? watcher = null;
        var user = RuleSetLoader.UserRulesPath();
        var project = RuleSetLoader.ProjectRulesPath(projectRoot);
        if (Directory.Exists(Path.GetDirectoryName(project)))
        {
            watcher = new RuleFileWatcher(engine, Directory.Exists(Path.GetDirectoryName(user)) ? user : null, project, events);
        }
        var access = await AccessRequestStore.OpenAsync(projectRoot, ct);
        return new ProjectGuards(policy, access, engine, watcher, judgeClient, events);
    }

    /// <summary>How long an askable call waits for a person when the run does not say (<c>th exec --hold-access</c>).</summary>
    public static readonly TimeSpan DefaultHold = TimeSpan.FromSeconds(20);

    /// <summary>
    /// The guard for one run: the policy (an askable refusal files an access request held up to <paramref name="hold"/>),
    /// then Narc (an escalation does the same).
    /// </summary>
    public HostToolGuard ForRun(TimeSpan? hold = null)
    {
        var access = new AccessNegotiator(Access, _events, hold ?? DefaultHold);
        return new([new PolicyCallCheck(Policy, _events, access), new SurveillanceCallCheck(Surveillance, access)], [new SurveillanceResultFilter(Surveillance)]);
    }

    /// <summary>The egress gate of one run: the policy plus the run's own <c>--allow-host</c> rules.</summary>
    public Egress.IEgressGate EgressFor(string runId, IReadOnlyList<string> allowHosts, TimeSpan hold) =>
        new PolicyGate(Policy, allowHosts, _events, runId, new AccessNegotiator(Access, _events, hold));

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _watcher?.Dispose();
        _judgeClient?.Dispose();
        await Access.DisposeAsync();
    }
}
