using System.CommandLine;
using System.Globalization;
using Smooth.Audit.Scribe;
using Smooth.Cli.Output;
using Smooth.Core;
using Smooth.Core.Diagnostics;
using Smooth.Egress;
using Smooth.Orchestrator.Safehouse;
using Smooth.Sandbox.Bundles;
using Smooth.Sandbox.Contract;
using Smooth.Sandbox.Registry;
using Smooth.Sandbox.Runs;

namespace Smooth.Cli.Commands;

/// <summary><c>th sandbox run</c>: run a command in a fresh sandbox over the current repository and review its diff.</summary>
public static class SandboxCommand
{
    /// <summary>Builds <c>th sandbox</c>.</summary>
    public static Command Build()
    {
        var provider = new Option<string>("--provider") { Description = "Sandbox provider: bubblewrap (default), direct, or docker (docker or podman; SMOOTH_DOCKER_ENGINE, SMOOTH_DOCKER_IMAGE)", DefaultValueFactory = _ => SandboxProviderRegistry.DefaultId };
        var autoAccept = new Option<bool>("--auto-accept") { Description = "Apply the diff at once instead of waiting for review" };
        var timeout = new Option<int>("--timeout") { Description = "Wall-clock limit in seconds", DefaultValueFactory = _ => 600 };
        var memory = new Option<string>("--memory") { Description = "Memory limit, e.g. 512M or 2G", DefaultValueFactory = _ => "2G" };
        var processes = new Option<int>("--max-processes") { Description = "Process/thread limit inside", DefaultValueFactory = _ => 256 };
        var allowNested = new Option<bool>("--allow-nested") { Description = "Allow starting this sandbox from inside another one" };
        var json = new Option<bool>("--json") { Description = "Print the outcome as JSON (the command's output still streams to stderr)" };
        var allowHost = new Option<string[]>("--allow-host") { Description = "Let the sandbox reach HOST[:PORT] through the egress proxy for this run (repeatable; an IP literal such as 127.0.0.1:8080 reaches a loopback service on purpose)", AllowMultipleArgumentsPerToken = false };
        var command = new Argument<string[]>("command") { Description = "The command to run (after --)", Arity = ArgumentArity.OneOrMore };
        var run = new Command("run", "Run a command in a fresh sandbox over the current repository; its changes come back for review")
        {
            provider, autoAccept, timeout, memory, processes, allowNested, json, allowHost, command,
        };
        run.SetAction(async (parse, ct) =>
        {
            PhaseTrace.Mark("action");
            var seconds = parse.GetValue(timeout);
            if (seconds is < 1 or > 86_400) throw new SmoothException($"--timeout must be 1..86400 seconds (got {seconds})", null, ExitCodes.BadInput);
            var maxProcesses = parse.GetValue(processes);
            if (maxProcesses is < 8 or > 100_000) throw new SmoothException($"--max-processes must be 8..100000 (got {maxProcesses})", null, ExitCodes.BadInput);
            var limits = new SandboxLimits
            {
                Timeout = TimeSpan.FromSeconds(seconds),
                MemoryBytes = ParseSize(parse.GetValue(memory)!),
                MaxProcesses = maxProcesses,
            };
            var asJson = parse.GetValue(json);
            var root = ProjectLocator.RequireProjectRoot(Directory.GetCurrentDirectory());
            var registry = SandboxProviderRegistry.CreateDefault();
            var providerId = parse.GetValue(provider)!;
            registry.Resolve(providerId); // unknown ids fail here, before the audit log is opened
            AllowListGate gate;
            try
            {
                gate = AllowListGate.Parse(parse.GetValue(allowHost) ?? []);
            }
            catch (FormatException e)
            {
                throw new SmoothException($"--allow-host: {e.Message}", "use HOST, HOST:PORT, *.SUFFIX or an IP literal such as 127.0.0.1:8080", ExitCodes.BadInput, e);
            }
            if (providerId == "docker" && gate.Rules.Count > 0)
            {
                throw new SmoothException("--allow-host is not available with the docker provider: containers run with --network none",
                    "use the bubblewrap provider (the default) to open a door through the egress proxy", ExitCodes.BadInput);
            }
            var request = new SandboxRunRequest
            {
                ProjectRoot = root,
                ProviderId = providerId,
                RunId = SandboxRunner.NewRunId(),
                Command = parse.GetValue(command)!,
                Limits = limits,
                AutoAcceptDiffs = parse.GetValue(autoAccept),
                AllowNested = parse.GetValue(allowNested),
                CallerLineage = Environment.GetEnvironmentVariable(SandboxPaths.LineageEnvVar),
                OnStandardOutput = line => (asJson ? Console.Error : Console.Out).WriteLine(line),
                OnStandardError = line => Console.Error.WriteLine(line),
            };
            // The run uses the provider the checks were made on (its engine probe is not repeated).
            request = request with { Provider = await SandboxRunner.PreflightAsync(registry, request, ct) };
            // The snapshot and the run's checkout (git processes) go on while the audit log, the proxy and the
            // credential stub start; a run refused after this point removes what they made.
            PhaseTrace.Mark("preflight done");
            await using var prepared = PreparedWorkspace.Start(root, request.RunId!, ct);
            await using var events = await ProjectAuditSink.OpenAsync(ProjectLocator.StateDir(root), ct);
            PhaseTrace.Mark("audit open");
            var programDir = AppContext.BaseDirectory.TrimEnd('/');
            await using var egress = SandboxEgress.Start(providerId, gate, events, programDir);
            // Containers get neither the proxy nor the credential stub: they run with no network at all.
            await using var credentials = providerId == "docker" ? null : await SandboxCredentials.StartAsync(null, events, ct);
            var (mounts, environment) = SandboxWiring.Combine(egress, credentials, providerId == "direct", programDir);
            var report = await new SandboxRunner(registry, events).RunAsync(request with
            {
                Command = egress?.Wrap(request.Command) ?? request.Command,
                Mounts = mounts,
                Environment = environment,
                Prepared = prepared,
            }, ct);
            PhaseTrace.Mark("runner done");
            if (asJson)
            {
                CliOutput.Json(report, BundleJson.Default.SandboxRunReport);
            }
            else
            {
                PrintSummary(report);
            }
            if (report.LimitHit is not null) return ExitCodes.Failure;
            return report.ExitCode is { } code and not 0 ? code : ExitCodes.Ok;
        });
        var sandbox = new Command("sandbox", "The Safehouse: run commands in isolated sandboxes");
        sandbox.Add(run);
        sandbox.Add(BuildPrune());
        return sandbox;
    }

    private static Command BuildPrune()
    {
        var dryRun = new Option<bool>("--dry-run") { Description = "Only say what would be removed" };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON" };
        var prune = new Command("prune", "Free the checkouts, git directories and snapshot refs of settled sandboxes (finished, failed or cancelled, no review waiting); bundles and history stay")
        {
            dryRun, json,
        };
        prune.SetAction(async (parse, ct) =>
        {
            var root = ProjectLocator.RequireProjectRoot(Directory.GetCurrentDirectory());
            await using var events = await ProjectAuditSink.OpenAsync(ProjectLocator.StateDir(root), ct);
            var report = await new SandboxPruner(root, events).PruneAsync(parse.GetValue(dryRun), ct);
            if (parse.GetValue(json))
            {
                CliOutput.Json(report, BundleJson.Default.PruneReport);
                return ExitCodes.Ok;
            }
            var verb = report.DryRun ? "would free" : "freed";
            Console.WriteLine($"{verb} {report.Sandboxes.Count} settled sandbox(es), {report.BytesFreed / (1024.0 * 1024.0):0.0} MiB, and {report.SnapshotRefs.Count} snapshot ref(s); kept {report.Kept} (running or waiting for review)");
            return ExitCodes.Ok;
        });
        return prune;
    }

    private static void PrintSummary(SandboxRunReport report)
    {
        var outcome = report.LimitHit is not null ? $"stopped: {report.LimitHit} limit ({report.Message})"
            : report.ExitCode is { } code ? $"exit code {code}" : report.Status;
        Console.Error.WriteLine();
        Console.Error.WriteLine($"── sandbox {report.RunId} ({report.Provider}): {outcome}");
        if (report.FilesChanged == 0)
        {
            Console.Error.WriteLine("   no files changed");
            return;
        }
        Console.Error.WriteLine($"   {report.FilesChanged} file(s) changed:");
        foreach (var f in report.Files.Take(50)) Console.Error.WriteLine($"     {f}");
        if (report.Files.Count > 50) Console.Error.WriteLine($"     … and {report.Files.Count - 50} more");
        Console.Error.WriteLine(report.ReviewState switch
        {
            "pending" => $"   review: th review show {report.RunId}   then   th review accept {report.RunId}  (or reject)",
            "accepted" => "   applied to your working tree (unstaged)",
            _ => $"   ({report.Status}; the diff was not offered for review)",
        });
    }

    internal static long ParseSize(string text)
    {
        var t = text.Trim().ToUpperInvariant();
        long factor = t.EndsWith('K') ? 1L << 10 : t.EndsWith('M') ? 1L << 20 : t.EndsWith('G') ? 1L << 30 : 1;
        var digits = factor == 1 ? t : t[..^1];
        if (!long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n <= 0 || n * factor < 16L << 20)
        {
            throw new SmoothException($"--memory '{text}' is not a size of at least 16M", "use a number with K, M or G, e.g. 512M or 2G", ExitCodes.BadInput);
        }
        return n * factor;
    }
}
