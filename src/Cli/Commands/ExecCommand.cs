using System.CommandLine;
using System.Globalization;
using Smooth.Audit.Scribe;
using Smooth.Cli.Output;
using Smooth.Core;
using Smooth.Egress;
using Smooth.Llm.Config;
using Smooth.Operator.Api;
using Smooth.Operator.Control;
using Smooth.Operator.Host;
using Smooth.Orchestrator.Operators;
using Smooth.Pearls.Model;
using Smooth.Sandbox.Contract;
using Smooth.Sandbox.Registry;

namespace Smooth.Cli.Commands;

/// <summary>
/// <c>th exec</c>: one operator in the foreground on a pearl (or an inline prompt, filed as a pearl), in a sandbox,
/// streaming its events, ending with its diff for review. Headless, like a CI job.
/// </summary>
public static class ExecCommand
{
    /// <summary>Builds <c>th exec</c>.</summary>
    public static Command Build()
    {
        var prompt = new Argument<string?>("prompt") { Description = "What to do (filed as a new pearl); or use --pearl", Arity = ArgumentArity.ZeroOrOne };
        var pearl = new Option<string?>("--pearl") { Description = "Work this existing pearl" };
        var resume = new Option<string?>("--resume") { Description = "Continue run RUN from its last checkpoint (after a crash or kill)" };
        var provider = new Option<string>("--provider") { Description = "Sandbox provider: bubblewrap (default) or direct", DefaultValueFactory = _ => SandboxProviderRegistry.DefaultId };
        var json = new Option<bool>("--json") { Description = "Print events as JSON lines on stdout (schema in docs/events.md), then the report" };
        var budget = new Option<decimal?>("--budget-usd") { Description = "Stop when the run has spent this much (USD)" };
        var maxIterations = new Option<int>("--max-iterations") { Description = "Most model calls per coding turn", DefaultValueFactory = _ => 40 };
        var test = new Option<string?>("--test") { Description = "Test command for the governor (default: a 'test:' line in the pearl, else detected from the repo)" };
        var noTests = new Option<bool>("--no-tests") { Description = "Run without the governor's test loop" };
        var governorIterations = new Option<int>("--governor-iterations") { Description = "Most test-code-test turns", DefaultValueFactory = _ => 5 };
        var allowHost = new Option<string[]>("--allow-host") { Description = "Let the sandbox reach HOST[:PORT] through the egress proxy (repeatable)" };
        var autoAccept = new Option<bool>("--auto-accept") { Description = "Apply the diff at once instead of waiting for review" };
        var stream = new Option<bool>("--stream") { Description = "Stream the model's text as it is written" };
        var slot = new Option<string>("--slot") { Description = "Routing slot for coding", DefaultValueFactory = _ => ModelSlots.Coding };
        var holdAccess = new Option<int>("--hold-access") { Description = "Seconds a request needing a person's grant is held (th access approve) before it fails", DefaultValueFactory = _ => (int)Smooth.Orchestrator.Guards.ProjectGuards.DefaultHold.TotalSeconds };
        var timeout = new Option<int>("--timeout") { Description = "Wall-clock limit of the sandbox in seconds", DefaultValueFactory = _ => 7200 };
        var command = new Command("exec", "Run one operator in the foreground on a pearl or a prompt, in a sandbox; its diff comes back for review")
        {
            prompt, pearl, resume, provider, json, budget, maxIterations, test, noTests, governorIterations, allowHost, autoAccept, stream, slot, timeout, holdAccess,
        };
        command.SetAction(async (parse, ct) =>
        {
            var root = ProjectLocator.RequireProjectRoot(Directory.GetCurrentDirectory());
            var registry = SandboxProviderRegistry.CreateDefault();
            var providerId = parse.GetValue(provider)!;
            registry.Resolve(providerId);
            var asJson = parse.GetValue(json);
            var text = parse.GetValue(prompt);
            var pearlId = parse.GetValue(pearl);
            var resumeRun = parse.GetValue(resume);
            if (new[] { text is not null, pearlId is not null, resumeRun is not null }.Count(x => x) != 1)
            {
                throw new SmoothException("give exactly one of: a prompt, --pearl ID, or --resume RUN", "e.g. th exec \"fix the failing test\"", ExitCodes.BadInput);
            }
            if (parse.GetValue(maxIterations) is < 1 or > 1000) throw new SmoothException("--max-iterations must be 1..1000", null, ExitCodes.BadInput);
            if (parse.GetValue(governorIterations) is < 1 or > 100) throw new SmoothException("--governor-iterations must be 1..100", null, ExitCodes.BadInput);
            if (parse.GetValue(budget) is <= 0) throw new SmoothException("--budget-usd must be positive", null, ExitCodes.BadInput);
            var allowHosts = parse.GetValue(allowHost) ?? [];
            try
            {
                AllowListGate.Parse(allowHosts); // checked now, before anything is started
            }
            catch (FormatException e)
            {
                throw new SmoothException($"--allow-host: {e.Message}", "use HOST, HOST:PORT, *.SUFFIX or an IP literal such as 127.0.0.1:8080", ExitCodes.BadInput, e);
            }
            var providers = await ProvidersStore.ForCurrentUser().LoadAsync(ct);
            if (providers.Providers.Count == 0)
            {
                throw new SmoothException("no model provider is configured",
                    "run th auth login <provider> (openai, anthropic, ollama, ...), or try th demo, which needs no key", ExitCodes.Environment);
            }

            await using var events = await ProjectAuditSink.OpenAsync(ProjectLocator.StateDir(root), ct);
            await using var host = await OperatorHostServices.StartAsync(root, providers, events, ct);
            if (resumeRun is not null)
            {
                pearlId = await PearlOfRunAsync(host, resumeRun, ct);
            }
            else if (text is not null)
            {
                var created = await host.Pearls.CreateAsync(new NewPearl { Title = Title(text), Description = text, Labels = ["exec"] }, ct);
                pearlId = created.Id;
                if (!asJson) Console.Error.WriteLine($"filed pearl {created.Id}: {created.Title}");
            }

            var printer = new OperatorEventPrinter(Console.Error);
            OperatorSession? live = null;
            var interrupts = 0;
            CliApp.OnInterrupt = () =>
            {
                // First Ctrl+C: stop cleanly (partial result, checkpoint kept); the second one stops hard.
                if (live is null || Interlocked.Increment(ref interrupts) > 1) return false;
                live.Send(ControlKinds.Cancel);
                Console.Error.WriteLine("  cancelling (Ctrl+C again to stop at once)…");
                return true;
            };
            using var stdinStop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            // One hold for both doors a person may open: the egress proxy's requests and the run's tool calls.
            var hold = TimeSpan.FromSeconds(Math.Clamp(parse.GetValue(holdAccess), 0, 3600));
            var report = await new OperatorRunner(host, registry, AppContext.BaseDirectory.TrimEnd('/')).RunAsync(new OperatorRunRequest
            {
                PearlId = pearlId!,
                ProviderId = providerId,
                RunId = resumeRun,
                Resume = resumeRun is not null,
                Slot = parse.GetValue(slot)!,
                MaxIterations = parse.GetValue(maxIterations),
                BudgetUsd = parse.GetValue(budget),
                TestCommand = parse.GetValue(noTests) ? "" : parse.GetValue(test),
                GovernorIterations = parse.GetValue(governorIterations),
                Stream = parse.GetValue(stream),
                AllowHosts = allowHosts,
                AccessHold = hold,
                Guard = host.Guards.ForRun(hold),
                AutoAccept = parse.GetValue(autoAccept),
                Limits = new SandboxLimits { Timeout = TimeSpan.FromSeconds(parse.GetValue(timeout)) },
                CallerLineage = Environment.GetEnvironmentVariable(SandboxPaths.LineageEnvVar),
                OnEvent = e =>
                {
                    if (asJson) CliOutput.JsonLine(e, OperatorApiJson.Default.OperatorEvent);
                    else printer.Print(e);
                },
                OnSession = session =>
                {
                    live = session;
                    _ = Task.Run(() => ReadControlsAsync(session, stdinStop.Token), CancellationToken.None);
                    return null;
                },
            }, ct);
            await stdinStop.CancelAsync();
            CliApp.OnInterrupt = null;
            if (asJson)
            {
                CliOutput.JsonLine(new ExecReport(report.RunId, report.PearlId, report.Stop, report.Summary, report.CostUsd, report.Sandbox.Status,
                    report.Sandbox.ReviewState, report.Sandbox.FilesChanged, report.Sandbox.Files), CliJson.Default.ExecReport);
            }
            else
            {
                PrintReport(report);
            }
            return report.Succeeded && report.Sandbox.Status is "review" or "finished" ? ExitCodes.Ok : ExitCodes.Failure;
        });
        return command;
    }

    // Lines typed while the operator works: /steer TEXT, /pause, /resume, /cancel, /answer TEXT.
    private static async Task ReadControlsAsync(OperatorSession session, CancellationToken ct)
    {
        if (!Console.IsInputRedirected && !Environment.UserInteractive) return;
        using var reader = new StreamReader(Console.OpenStandardInput());
        while (!ct.IsCancellationRequested)
        {
            string? line;
            try
            {
                line = await reader.ReadLineAsync(ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            if (line is null) return;
            line = line.Trim();
            if (!line.StartsWith('/')) continue;
            var space = line.IndexOf(' ');
            var kind = (space < 0 ? line[1..] : line[1..space]).ToLowerInvariant();
            var arg = space < 0 ? "" : line[(space + 1)..].Trim();
            if (!ControlKinds.IsKnown(kind))
            {
                Console.Error.WriteLine($"  unknown control '/{kind}': use /steer TEXT, /pause, /resume, /cancel or /answer TEXT");
                continue;
            }
            if (kind is ControlKinds.Steer or ControlKinds.Answer && arg.Length == 0)
            {
                Console.Error.WriteLine($"  /{kind} needs text");
                continue;
            }
            session.Send(kind, arg);
        }
    }

    private static async Task<string> PearlOfRunAsync(OperatorHostServices host, string runId, CancellationToken ct) =>
        await host.Checkpoints.PearlOfAsync(runId, ct)
            ?? throw new SmoothException($"run {runId} has no checkpoint to resume from", "check the id with th review list, or start a new run", ExitCodes.NotFound);

    private static void PrintReport(OperatorRunReport report)
    {
        var s = report.Sandbox;
        Console.Error.WriteLine();
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"── run {report.RunId} on {report.PearlId}: {report.Stop}, ${report.CostUsd:0.####}"));
        if (s.FilesChanged == 0)
        {
            Console.Error.WriteLine("   no files changed");
            return;
        }
        Console.Error.WriteLine($"   {s.FilesChanged} file(s) changed:");
        foreach (var f in s.Files.Take(50)) Console.Error.WriteLine($"     {f}");
        Console.Error.WriteLine(s.ReviewState switch
        {
            "pending" => $"   review: th review show {report.RunId}   then   th review accept {report.RunId}  (or reject)",
            "accepted" => "   applied to your working tree (unstaged)",
            _ => $"   ({s.Status}; the diff was not offered for review)",
        });
    }

    private static string Title(string prompt)
    {
        var line = prompt.Trim().Split('\n')[0].Trim();
        return line.Length > 100 ? line[..100] + "…" : line.Length == 0 ? "untitled task" : line;
    }
}
