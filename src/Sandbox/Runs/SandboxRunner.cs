using System.Globalization;
using System.Text.Json;
using Smooth.Core;
using Smooth.Core.Diagnostics;
using Smooth.Core.Events;
using Smooth.Core.IO;
using Smooth.Sandbox.Bundles;
using Smooth.Sandbox.Contract;
using Smooth.Sandbox.Diffs;
using Smooth.Sandbox.Registry;
using Smooth.Sandbox.Review;
using Smooth.Sandbox.Workspaces;

namespace Smooth.Sandbox.Runs;

/// <summary>
/// Runs one command in a sandbox over a fresh snapshot of the project: checks (provider, nesting, engine, cap) before
/// anything is written; snapshot and private checkout; request bundle; the provider run with heartbeats; the diff and
/// result bundle, validated like any bundle from outside; then review (the default), auto-accept, or done. Lifecycle
/// events go to the sink and the sandbox table. Cleanup always runs and never hides the run's own outcome.
/// </summary>
public sealed partial class SandboxRunner(SandboxProviderRegistry registry, IEventSink events, BundleLimits? limits = null)
{
    private readonly BundleLimits _limits = limits ?? new BundleLimits();

    /// <summary>The id of a run's one sandbox.</summary>
    internal const string SandboxId = "sb-1";

    /// <summary>
    /// The checks that refuse a run before anything is written (unknown provider, a nested start that is not allowed,
    /// no command, a missing engine); returns the provider. <see cref="RunAsync"/> makes them itself; callers that
    /// start a <see cref="PreparedWorkspace"/> make them first.
    /// </summary>
    public static async Task<ISandboxProvider> PreflightAsync(SandboxProviderRegistry registry, SandboxRunRequest request, CancellationToken ct)
    {
        var provider = request.Provider ?? registry.Resolve(request.ProviderId);
        if (ParseLineage(request.CallerLineage) is not null && !request.AllowNested)
        {
            throw new SmoothException("refusing to start a sandbox from inside a sandbox (nested sandboxes are off)",
                "pass --allow-nested if this nesting is intended and its provider and diff policy are designed for it", ExitCodes.Denied);
        }
        if (request.Command.Count == 0) throw new SmoothException("no command to run", "give it after --, e.g. th sandbox run -- make test", ExitCodes.BadInput);
        await provider.EnsureAvailableAsync(ct);
        return provider;
    }

    /// <summary>Runs the request to its end (review, finished, failed or cancelled).</summary>
    public async Task<SandboxRunReport> RunAsync(SandboxRunRequest request, CancellationToken ct)
    {
        // Everything that can refuse does so before the first file, row or event.
        var provider = await PreflightAsync(registry, request, ct);
        var parentLineage = ParseLineage(request.CallerLineage);
        if (request.Prepared is not null && (request.Resume || request.RunId != request.Prepared.RunId))
        {
            throw new ArgumentException("a prepared workspace belongs to a new run with the same run id", nameof(request));
        }

        var stateDir = ProjectLocator.StateDir(request.ProjectRoot);
        if (request.Resume && request.RunId is null) throw new SmoothException("resuming needs the run id", null, ExitCodes.BadInput);
        var runId = request.RunId ?? NewRunId();
        if (!RunIdPattern().IsMatch(runId)) throw new SmoothException($"'{runId}' is not a run id", "run ids look like run-0123456789ab", ExitCodes.BadInput);
        const string sandboxId = SandboxId;
        var lineage = parentLineage is null ? new SandboxLineage() : parentLineage with { Depth = parentLineage.Depth };
        var dir = SandboxDirs.For(stateDir, runId, sandboxId);

        PhaseTrace.Mark("runner start");
        await using var store = await SandboxStore.OpenAsync(stateDir, ct);
        SandboxRow? previous = null;
        if (request.Resume)
        {
            previous = await store.GetAsync(runId, ct);
            if (previous?.BaseRef is null || !Directory.Exists(dir.Workspace))
            {
                throw new SmoothException($"run {runId} cannot be resumed: its workspace is gone or it never started",
                    "start a new run instead", ExitCodes.NotFound);
            }
            if (previous.Status is "review" or "finished")
            {
                throw new SmoothException($"run {runId} already ended ({previous.Status})", $"see th review show {runId}", ExitCodes.Conflict);
            }
            await store.UpdateAsync(runId, sandboxId, "pending", ct);
            Emit("sandbox.resumed", runId, sandboxId, ("provider", provider.Id));
        }
        else
        {
            await store.InsertAsync(runId, sandboxId, provider.Id, JsonSerializer.Serialize(request.Command.ToArray(), StringArrayJson.Default.StringArray), request.MaxConcurrentSandboxes, ct);
            Emit("sandbox.created", runId, sandboxId, ("provider", provider.Id));
        }

        SandboxExecution? execution = null;
        try
        {
            // A minimal, explicit environment: nothing of the host's leaks in; the caller's variables come on top.
            var environment = new Dictionary<string, string>
            {
                ["PATH"] = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                ["HOME"] = provider.Id == "direct" ? Path.Combine(dir.Scratch, "home") : "/home/sandbox",
                ["LANG"] = "C.UTF-8",
                ["TERM"] = "dumb",
            };
            foreach (var (k, v) in request.Environment) environment[k] = v;
            environment[SandboxPaths.LineageEnvVar] = $"{runId}/{sandboxId}/{lineage.Depth + 1}";
            if (provider.Id == "direct") Directory.CreateDirectory(environment["HOME"]);
            Directory.CreateDirectory(dir.Request);
            Directory.CreateDirectory(dir.Scratch);
            // Made while a prepared checkout is still on its way: the serializer's first use costs milliseconds.
            var manifestJson = BundleJson.Default.RequestManifest;

            RunCheckout checkout;
            string baseCommit;
            if (previous is not null)
            {
                baseCommit = previous.BaseRef!;
                checkout = new RunCheckout(dir.Workspace, dir.HostGit, baseCommit);
            }
            else
            {
                checkout = request.Prepared is { } prepared
                    ? await prepared.ClaimAsync()
                    : await PreparedWorkspace.CreateAsync(request.ProjectRoot, runId, ct);
                baseCommit = checkout.BaseCommit;
                PhaseTrace.Mark("checkout claimed");
                await store.UpdateAsync(runId, sandboxId, "pending", ct, baseRef: baseCommit);
            }

            var manifest = new RequestManifest(BundleLimits.SchemaVersion, runId, sandboxId, provider.Id, request.Command,
                environment.Keys.Order(StringComparer.Ordinal).ToList(), request.Limits, lineage, baseCommit, DateTimeOffset.UtcNow);
            await AtomicFile.WriteAllTextAsync(Path.Combine(dir.Request, "manifest.json"), JsonSerializer.Serialize(manifest, manifestJson), ct);
            Emit("sandbox.shipped", runId, sandboxId, ("base", baseCommit), ("bundle", dir.Request));

            execution = new SandboxExecution
            {
                RunId = runId, SandboxId = sandboxId, WorkspacePath = checkout.Workspace, ScratchPath = dir.Scratch,
                Command = request.Command, Environment = environment, Mounts = request.Mounts, Limits = request.Limits,
                Lineage = lineage, AllowNested = request.AllowNested,
                OnStandardOutput = request.OnStandardOutput, OnStandardError = request.OnStandardError,
            };
            await store.UpdateAsync(runId, sandboxId, "running", ct);
            PhaseTrace.Mark("provider start");
            var result = await RunWithHeartbeatAsync(provider, execution, runId, sandboxId, request.Heartbeat, ct);

            PhaseTrace.Mark("provider done");
            var diff = await DiffCollector.CollectAsync(checkout, 1, ct);
            PhaseTrace.Mark("diff done");
            await WriteResultBundleAsync(dir.Result, result, diff, ct);
            diff = ReadBackValidated(dir.Result);
            Emit("sandbox.bundle_received", runId, sandboxId, ("files", diff.Patches.Count.ToString(CultureInfo.InvariantCulture)));

            var status = result.Status switch
            {
                SandboxStatus.Finished => "finished",
                SandboxStatus.Cancelled => "cancelled",
                _ => "failed",
            };
            var reviewState = "none";
            string? reviewMessage = null;
            if (status == "finished" && diff.Patches.Count > 0)
            {
                if (request.AutoAcceptDiffs || !request.ReviewDiffs)
                {
                    var outcome = await DiffApplier.ApplyAsync(request.ProjectRoot, diff, ct);
                    reviewState = outcome.Applied ? "accepted" : "pending";
                    reviewMessage = outcome.Message;
                    status = outcome.Applied ? "finished" : "review";
                    Emit(outcome.Applied ? "sandbox.accepted" : "sandbox.diff_review_requested", runId, sandboxId, ("auto", "true"), ("detail", outcome.Message));
                }
                else
                {
                    status = "review";
                    reviewState = "pending";
                    Emit("sandbox.diff_review_requested", runId, sandboxId, ("files", diff.Patches.Count.ToString(CultureInfo.InvariantCulture)));
                }
            }
            await store.UpdateAsync(runId, sandboxId, status, ct, exitCode: result.ExitCode, limitHit: result.LimitHit?.ToString().ToLowerInvariant(),
                message: result.Message, reviewState: reviewState, reviewMessage: reviewMessage, filesChanged: diff.Patches.Count);
            Emit(status == "failed" ? "sandbox.failed" : "sandbox.completed", runId, sandboxId, ("status", status),
                ("exitCode", result.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? ""), ("limit", result.LimitHit?.ToString() ?? ""));
            return new SandboxRunReport(runId, sandboxId, provider.Id, status, result.ExitCode, result.LimitHit?.ToString().ToLowerInvariant(),
                result.Message ?? reviewMessage, diff.Patches.Count, diff.Patches.Select(p => $"{p.Operation} {p.Path}").ToList(), reviewState, dir.Result);
        }
        catch (Exception e)
        {
            var cancelled = e is OperationCanceledException && ct.IsCancellationRequested;
            await store.UpdateAsync(runId, sandboxId, cancelled ? "cancelled" : "failed", CancellationToken.None, message: SmoothExceptionText.Of(e));
            Emit("sandbox.failed", runId, sandboxId, ("error", SmoothExceptionText.Of(e)));
            throw;
        }
        finally
        {
            if (execution is not null)
            {
                try
                {
                    await provider.CleanupAsync(execution, CancellationToken.None);
                }
                catch (Exception cleanup)
                {
                    // Reported, never allowed to replace the run's own result or error.
                    Emit("sandbox.cleanup_failed", runId, sandboxId, ("error", cleanup.Message));
                }
            }
        }
    }

    private async Task<ProviderResult> RunWithHeartbeatAsync(ISandboxProvider provider, SandboxExecution execution, string runId, string sandboxId, TimeSpan every, CancellationToken ct)
    {
        // Disposing the timer ends the loop (the tick answers false): no cancellation exception on every run's way out.
        var timer = new PeriodicTimer(every);
        var beats = Task.Run(async () =>
        {
            while (await timer.WaitForNextTickAsync(CancellationToken.None)) Emit("sandbox.heartbeat", runId, sandboxId);
        }, CancellationToken.None);
        try
        {
            return await provider.RunAsync(execution, ct);
        }
        finally
        {
            timer.Dispose();
            await beats;
        }
    }

    private static async Task WriteResultBundleAsync(string dir, ProviderResult result, DiffBundle diff, CancellationToken ct)
    {
        Directory.CreateDirectory(dir);
        var manifest = new ResultManifest(BundleLimits.SchemaVersion, result.Status.ToString().ToLowerInvariant(), result.ExitCode,
            result.LimitHit?.ToString().ToLowerInvariant(), result.Message, (long)result.Elapsed.TotalMilliseconds, new Dictionary<string, string>(), []);
        await AtomicFile.WriteAllTextAsync(Path.Combine(dir, "result.json"), JsonSerializer.Serialize(manifest, BundleJson.Default.ResultManifest), ct);
        await AtomicFile.WriteAllTextAsync(Path.Combine(dir, "diff-bundle.json"), JsonSerializer.Serialize(diff, BundleJson.Default.DiffBundle), ct);
        await AtomicFile.WriteAllTextAsync(Path.Combine(dir, "stdout.log"), result.StandardOutput, ct);
        await AtomicFile.WriteAllTextAsync(Path.Combine(dir, "stderr.log"), result.StandardError, ct);
    }

    private DiffBundle ReadBackValidated(string dir)
    {
        BundleValidator.CheckTree(dir, _limits);
        BundleValidator.ReadJson(Path.Combine(dir, "result.json"), BundleJson.Default.ResultManifest, _limits);
        var diff = BundleValidator.ReadJson(Path.Combine(dir, "diff-bundle.json"), BundleJson.Default.DiffBundle, _limits, requireSchemaVersion: false);
        BundleValidator.CheckDiffBundle(diff, Path.Combine(dir, "diff-bundle.json"));
        return diff;
    }

    /// <summary>A fresh run id.</summary>
    public static string NewRunId()
    {
        // Guid.NewGuid draws on the kernel's secure random source directly; RandomNumberGenerator would initialise
        // OpenSSL first (some 5 ms), in front of the snapshot. The first six bytes of a version-4 Guid are all random.
        Span<byte> bytes = stackalloc byte[16];
        Guid.NewGuid().TryWriteBytes(bytes);
        return "run-" + Convert.ToHexStringLower(bytes[..6]);
    }

    [System.Text.RegularExpressions.GeneratedRegex("^run-[0-9a-f]{12}$")]
    private static partial System.Text.RegularExpressions.Regex RunIdPattern();

    private static SandboxLineage? ParseLineage(string? value)
    {
        if (string.IsNullOrEmpty(value)) return null;
        var parts = value.Split('/');
        return new SandboxLineage(parts.ElementAtOrDefault(0), parts.ElementAtOrDefault(1),
            int.TryParse(parts.ElementAtOrDefault(2), NumberStyles.None, CultureInfo.InvariantCulture, out var depth) ? depth : 1);
    }

    private void Emit(string type, string runId, string sandboxId, params (string Key, string Value)[] attributes)
    {
        var map = new Dictionary<string, string> { ["run"] = runId, ["sandbox"] = sandboxId };
        foreach (var (k, v) in attributes) map[k] = v;
        events.Emit(SmoothEvent.Create(type, "sandbox", map));
    }
}
