using System.Text.RegularExpressions;

namespace Smooth.Sandbox.Providers.Bubblewrap;

/// <summary>
/// A per-sandbox cgroup (v1 memory and pids controllers) bounding memory and process count, and telling afterwards
/// whether either limit was hit. Created under this process's own cgroup where writable, else under the hierarchy root.
/// </summary>
internal sealed partial class SandboxCgroup
{
    private const string Root = "/sys/fs/cgroup";

    private SandboxCgroup(string memoryDir, string pidsDir)
    {
        MemoryDir = memoryDir;
        PidsDir = pidsDir;
    }

    /// <summary>The memory controller directory.</summary>
    internal string MemoryDir { get; }

    /// <summary>The pids controller directory.</summary>
    internal string PidsDir { get; }

    /// <summary>The directory name used for a sandbox, stable so cleanup can find it again.</summary>
    internal static string NameFor(string runId, string sandboxId) => $"smooth-{Sanitize(runId)}-{Sanitize(sandboxId)}";

    /// <summary>Creates and configures the cgroup; null when cgroup v1 memory+pids is not available or not writable.</summary>
    internal static SandboxCgroup? TryCreate(string name, long memoryBytes, int maxProcesses)
    {
        var memory = TryMakeDir("memory", name);
        if (memory is null)
        {
            return null;
        }
        var pids = TryMakeDir("pids", name);
        if (pids is null)
        {
            TryRemove(memory);
            return null;
        }
        var cgroup = new SandboxCgroup(memory, pids);
        try
        {
            File.WriteAllText(Path.Combine(memory, "memory.limit_in_bytes"), memoryBytes.ToString());
            // With swap accounting, bound memory+swap too, otherwise a memory bomb just swaps.
            var memsw = Path.Combine(memory, "memory.memsw.limit_in_bytes");
            if (File.Exists(memsw))
            {
                File.WriteAllText(memsw, memoryBytes.ToString());
            }
            File.WriteAllText(Path.Combine(pids, "pids.max"), maxProcesses.ToString());
            return cgroup;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            cgroup.Remove();
            return null;
        }
    }

    /// <summary>Moves <paramref name="pid"/> into both controllers.</summary>
    internal void Attach(int pid)
    {
        File.WriteAllText(Path.Combine(MemoryDir, "cgroup.procs"), pid.ToString());
        File.WriteAllText(Path.Combine(PidsDir, "cgroup.procs"), pid.ToString());
    }

    /// <summary>
    /// Moves the calling thread alone into both controllers, so the process it forks next is born inside; disposing
    /// the returned scope moves the thread back where it was. The kernel moves the current thread without taking its
    /// global thread-group lock, whose first use in a while waits for an RCU grace period (10-25 ms here): the cost
    /// of attaching a process after its start. Null when the kernel refuses; the caller then attaches the started
    /// process instead.
    /// </summary>
    internal IDisposable? TryEnterWithCurrentThread()
    {
        var memoryHome = CurrentThreadDir("memory");
        var pidsHome = CurrentThreadDir("pids");
        if (memoryHome is null || pidsHome is null || !TryMoveCurrentThread(MemoryDir))
        {
            return null;
        }
        if (!TryMoveCurrentThread(PidsDir))
        {
            new ThreadReturn(this, memoryHome, null).Dispose();
            return null;
        }
        return new ThreadReturn(this, memoryHome, pidsHome);
    }

    /// <summary>True when a fork was refused because pids.max was reached.</summary>
    internal bool ProcessLimitHit() => ReadCounter(Path.Combine(PidsDir, "pids.events"), "max") > 0;

    /// <summary>True when the kernel OOM-killed something in the cgroup.</summary>
    internal bool MemoryLimitHit() => ReadCounter(Path.Combine(MemoryDir, "memory.oom_control"), "oom_kill") > 0;

    /// <summary>SIGKILLs every process still in the cgroup.</summary>
    internal void KillAll() => KillAll(PidsDir);

    /// <summary>Kills what is left and removes both directories.</summary>
    internal void Remove()
    {
        KillAll(PidsDir);
        KillAll(MemoryDir);
        TryRemove(PidsDir);
        TryRemove(MemoryDir);
    }

    /// <summary>Removes a sandbox's cgroup by name, wherever it was created (cleanup after a crash; safe twice).</summary>
    internal static void RemoveByName(string name)
    {
        foreach (var controller in new[] { "pids", "memory" })
        {
            foreach (var parent in Parents(controller))
            {
                var dir = Path.Combine(parent, name);
                if (Directory.Exists(dir))
                {
                    KillAll(dir);
                    TryRemove(dir);
                }
            }
        }
    }

    private static void KillAll(string dir)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            string[] pids;
            try { pids = File.ReadAllLines(Path.Combine(dir, "cgroup.procs")); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return; }
            if (pids.Length == 0)
            {
                return;
            }
            foreach (var line in pids)
            {
                // Never this process: a thread of ours inside (the spawn thread, if it could not leave) lists it too.
                if (int.TryParse(line, out var pid) && pid != Environment.ProcessId)
                {
                    Common.Libc.Kill(pid, Common.Libc.SigKill);
                }
            }
            Thread.Sleep(10);
        }
    }

    private static void TryRemove(string dir)
    {
        for (var attempt = 0; attempt < 500; attempt++)
        {
            try
            {
                Directory.Delete(dir);
                return;
            }
            catch (DirectoryNotFoundException) { return; }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Thread.Sleep(1); // Busy until the last killed process is reaped.
            }
        }
    }

    private static string? TryMakeDir(string controller, string name)
    {
        foreach (var parent in Parents(controller))
        {
            var dir = Path.Combine(parent, name);
            try
            {
                Directory.CreateDirectory(dir);
                if (File.Exists(Path.Combine(dir, "cgroup.procs")))
                {
                    return dir;
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        }
        return null;
    }

    // This process's own cgroup first (keeps us inside whatever bounds the host set), then the mount root.
    private static IEnumerable<string> Parents(string controller)
    {
        var mount = Path.Combine(Root, controller);
        if (!File.Exists(Path.Combine(mount, "cgroup.procs")))
        {
            yield break;
        }
        var own = ControllerPath("/proc/self/cgroup", controller);
        if (own is { Length: > 1 })
        {
            var ownDir = mount + own;
            if (Directory.Exists(ownDir))
            {
                yield return ownDir;
            }
        }
        yield return mount;
    }

    // The calling thread's directory in one controller's hierarchy.
    private static string? CurrentThreadDir(string controller)
    {
        var path = ControllerPath("/proc/thread-self/cgroup", controller);
        if (path is null) return null;
        var dir = Path.Combine(Root, controller) + path;
        return File.Exists(Path.Combine(dir, "tasks")) ? dir : null;
    }

    // A controller's path in a /proc/…/cgroup listing ("hierarchy:controllers:path" lines), or null.
    private static string? ControllerPath(string listing, string controller)
    {
        try
        {
            foreach (var line in File.ReadAllLines(listing))
            {
                var parts = line.Split(':', 3);
                if (parts.Length == 3 && parts[1].Split(',').Contains(controller))
                {
                    return parts[2];
                }
            }
        }
        catch (IOException) { }
        return null;
    }

    // Writing 0 to a v1 "tasks" file moves the writing thread alone.
    private static bool TryMoveCurrentThread(string dir)
    {
        try
        {
            File.WriteAllText(Path.Combine(dir, "tasks"), "0");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>
    /// Moves the thread that entered a sandbox cgroup back to its own directories, with any thread it started while
    /// inside (the runtime starts its signal-handling thread on the first process start): a thread of ours left inside
    /// would count against the sandbox's limits and be killed with it.
    /// </summary>
    private sealed class ThreadReturn(SandboxCgroup cgroup, string memoryHome, string? pidsHome) : IDisposable
    {
        public void Dispose()
        {
            var back = TryMoveCurrentThread(memoryHome) && (pidsHome is null || TryMoveCurrentThread(pidsHome));
            back = back && MoveOurThreads(cgroup.MemoryDir, memoryHome) && (pidsHome is null || MoveOurThreads(cgroup.PidsDir, pidsHome));
            if (!back)
            {
                // Staying inside would put every later process this thread forks into this sandbox's cgroup.
                throw new InvalidOperationException("a thread of th could not leave the sandbox's cgroup");
            }
        }

        private static bool MoveOurThreads(string dir, string home)
        {
            try
            {
                foreach (var line in File.ReadAllLines(Path.Combine(dir, "tasks")))
                {
                    if (int.TryParse(line, out var tid) && Directory.Exists($"/proc/self/task/{tid}"))
                    {
                        File.WriteAllText(Path.Combine(home, "tasks"), line);
                    }
                }
                return true;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return false;
            }
        }
    }

    private static long ReadCounter(string file, string key)
    {
        try
        {
            foreach (var line in File.ReadLines(file))
            {
                var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length == 2 && parts[0] == key && long.TryParse(parts[1], out var n))
                {
                    return n;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        return 0;
    }

    private static string Sanitize(string id) => UnsafeChars().Replace(id, "_");

    [GeneratedRegex("[^A-Za-z0-9_.-]")]
    private static partial Regex UnsafeChars();
}
