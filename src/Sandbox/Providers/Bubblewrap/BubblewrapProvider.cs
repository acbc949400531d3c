using System.Diagnostics;
using Smooth.Core.Diagnostics;
using Smooth.Sandbox.Contract;
using Smooth.Sandbox.Providers.Common;

namespace Smooth.Sandbox.Providers.Bubblewrap;

/// <summary>
/// The default provider: runs the command under bubblewrap in fresh user, pid, net, ipc, uts and cgroup namespaces
/// with a seccomp deny-list, a per-sandbox cgroup for memory and process count (rlimits where no cgroup is
/// writable), and kills the whole sandbox on any limit, on cancellation and when the command ends.
/// </summary>
public sealed class BubblewrapProvider(BubblewrapOptions? options = null) : ISandboxProvider
{
    private readonly BubblewrapOptions _options = options ?? new BubblewrapOptions();
    private volatile string? _bwrap;

    /// <inheritdoc />
    public string Id => "bubblewrap";

    /// <inheritdoc />
    public async Task EnsureAvailableAsync(CancellationToken ct)
    {
        if (_bwrap is not null)
        {
            return;
        }
        _bwrap = await NamespaceCheck.EnsureAsync(_options.BwrapPath, _options.ProbeCacheDir ?? Path.Combine(Core.ProjectLocator.UserStateDir(), "cache"), ct);
        SeccompFilter.CompileAhead();
    }

    /// <inheritdoc />
    public async Task<ProviderResult> RunAsync(SandboxExecution execution, CancellationToken ct)
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new Core.SmoothException("the bubblewrap provider runs on Linux only", "use the docker or direct provider on this system", Core.ExitCodes.Environment);
        }
        ExecutionChecks.Validate(execution);
        await EnsureAvailableAsync(ct);
        Directory.CreateDirectory(execution.ScratchPath);

        var limits = execution.Limits;
        var seccompPath = Path.Combine(execution.ScratchPath, "seccomp.bpf");
        SeccompFilter.Export(seccompPath, execution.AllowNested);
        var system = SystemMounts.Create(execution.ScratchPath);

        var cgroup = SandboxCgroup.TryCreate(SandboxCgroup.NameFor(execution.RunId, execution.SandboxId), limits.MemoryBytes, limits.MaxProcesses);
        var command = cgroup is null ? WithRlimits(execution.Command, limits) : execution.Command;

        var environment = ExecutionChecks.EnvironmentWithLineage(execution);
        int seccompFd = -1, argsFd = -1, blockRead = -1, blockWrite = -1;
        var argsPath = Path.Combine(execution.ScratchPath, "bwrap.args");
        try
        {
            var outcome = await BoundedProcess.RunAsync(() =>
            {
                // Opened without close-on-exec under the start lock: bwrap inherits them, no other child does.
                seccompFd = Libc.Open(seccompPath, Libc.ORdOnly);
                if (seccompFd < 0)
                {
                    throw new IOException($"cannot open the seccomp program (errno {System.Runtime.InteropServices.Marshal.GetLastPInvokeError()})");
                }
                // The sandbox is born in its cgroup when this (spawn) thread may join it for the fork; otherwise bwrap
                // waits on a block fd until the started tree has been moved in.
                var entered = cgroup?.TryEnterWithCurrentThread();
                string[] tail;
                try
                {
                    if (cgroup is not null && entered is null)
                    {
                        (blockRead, blockWrite) = Libc.PipeForChildRead();
                    }
                    // The arguments (environment values included: run tokens) reach bwrap through a descriptor, not its
                    // command line, which every process in the sandbox could read from /proc/1/cmdline.
                    var full = BubblewrapArguments.Build(execution, command, environment, system, seccompFd, blockRead >= 0 ? blockRead : null);
                    var split = full.Count - command.Count - 1; // "--" and the command stay on the command line
                    argsFd = ArgumentsFile.OpenUnlinked(argsPath, full[..split]);
                    tail = [.. full[split..]];
                }
                catch
                {
                    entered?.Dispose();
                    throw;
                }
                return new BoundedStart
                {
                    StartScope = entered,
                    FileName = _bwrap!,
                    Arguments = ["--args", argsFd.ToString(System.Globalization.CultureInfo.InvariantCulture), .. tail],
                    Environment = new Dictionary<string, string>(),
                    Limits = limits,
                    OnStandardOutput = execution.OnStandardOutput,
                    OnStandardError = execution.OnStandardError,
                    Watch = cgroup is null ? null : () => cgroup.ProcessLimitHit() ? LimitHit.Processes : null,
                    KillAll = process => KillSandbox(process, cgroup),
                    AfterStart = process =>
                    {
                        PhaseTrace.Mark("bwrap started");
                        // The child has its copies; the parent's must not leak into later children.
                        Libc.Close(seccompFd);
                        seccompFd = -1;
                        Libc.Close(argsFd);
                        argsFd = -1;
                        if (cgroup is not null && blockWrite >= 0)
                        {
                            Libc.Close(blockRead);
                            blockRead = -1;
                            // bwrap waits on the block fd until every process of the sandbox is in the cgroup.
                            AttachTree(cgroup, process.Id);
                            Libc.WriteByte(blockWrite);
                            Libc.Close(blockWrite);
                            blockWrite = -1;
                        }
                    },
                };
            }, ct);

            var limit = outcome.Limit;
            if (limit is null && cgroup is not null && !outcome.Cancelled)
            {
                limit = cgroup.MemoryLimitHit() ? LimitHit.Memory : cgroup.ProcessLimitHit() ? LimitHit.Processes : null;
            }
            if (limit is null && !outcome.Cancelled && outcome.ExitCode == 1 && outcome.StandardError.StartsWith("bwrap: ", StringComparison.Ordinal))
            {
                var firstLine = outcome.StandardError.Split('\n', 2)[0];
                return new ProviderResult(SandboxStatus.Failed, null, null, $"bubblewrap could not set up the sandbox: {firstLine}",
                    outcome.StandardOutput, outcome.StandardError, outcome.Elapsed);
            }
            return ExecutionChecks.ToResult(outcome, limit, limit is { } hit ? ExecutionChecks.Describe(hit, limits) : null);
        }
        finally
        {
            if (seccompFd >= 0) Libc.Close(seccompFd);
            if (argsFd >= 0) Libc.Close(argsFd);
            TryDelete(argsPath);
            if (blockRead >= 0) Libc.Close(blockRead);
            if (blockWrite >= 0) Libc.Close(blockWrite);
            cgroup?.Remove();
            TryDelete(seccompPath);
        }
    }

    /// <inheritdoc />
    public Task CleanupAsync(SandboxExecution execution, CancellationToken ct)
    {
        SandboxCgroup.RemoveByName(SandboxCgroup.NameFor(execution.RunId, execution.SandboxId));
        TryDelete(Path.Combine(execution.ScratchPath, "seccomp.bpf"));
        return Task.CompletedTask;
    }

    private static IReadOnlyList<string> WithRlimits(IReadOnlyList<string> command, SandboxLimits limits) =>
        ["/usr/bin/prlimit", $"--as={limits.MemoryBytes}", $"--nproc={limits.MaxProcesses}", "--", .. command];

    private static void AttachTree(SandboxCgroup cgroup, int root)
    {
        // Move the outer bwrap first; anything it forks afterwards is born inside. Then move what it already forked.
        var pending = new Stack<int>([root]);
        while (pending.Count > 0)
        {
            var pid = pending.Pop();
            try
            {
                cgroup.Attach(pid);
            }
            catch (IOException)
            {
                continue; // Already gone.
            }
            foreach (var child in Children(pid))
            {
                pending.Push(child);
            }
        }
    }

    private static IEnumerable<int> Children(int pid)
    {
        var result = new List<int>();
        try
        {
            foreach (var task in Directory.EnumerateDirectories($"/proc/{pid}/task"))
            {
                var text = File.ReadAllText(Path.Combine(task, "children"));
                foreach (var part in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    if (int.TryParse(part, out var child))
                    {
                        result.Add(child);
                    }
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        return result;
    }

    private static void KillSandbox(Process process, SandboxCgroup? cgroup)
    {
        // SIGKILL of the outer bwrap takes the pid namespace's init with it (--die-with-parent), and with it every
        // process inside; the tree walk and the cgroup sweep catch anything mid-fork.
        try { process.Kill(entireProcessTree: true); }
        catch (InvalidOperationException) { }
        catch (System.ComponentModel.Win32Exception) { }
        cgroup?.KillAll();
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }
}
