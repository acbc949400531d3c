namespace Smooth.Sandbox.Providers.Docker;

/// <summary>The host-side cgroup files of a running container, read to tell which limit stopped it.</summary>
internal sealed class ContainerCgroup
{
    private readonly string? _pidsEvents;
    private readonly string? _memoryEvents;
    private readonly string _memoryKey;

    private ContainerCgroup(string? pidsEvents, string? memoryEvents, string memoryKey)
    {
        _pidsEvents = pidsEvents;
        _memoryEvents = memoryEvents;
        _memoryKey = memoryKey;
    }

    /// <summary>Finds the cgroup files of <paramref name="pid"/> (cgroup v1 pids/memory controllers, or v2).</summary>
    internal static ContainerCgroup? ForProcess(int pid)
    {
        string? pids = null, memory = null, memoryKey = "oom_kill";
        try
        {
            foreach (var line in File.ReadAllLines($"/proc/{pid}/cgroup"))
            {
                var parts = line.Split(':', 3);
                if (parts.Length != 3)
                {
                    continue;
                }
                var controllers = parts[1].Split(',');
                if (controllers.Contains("pids"))
                {
                    pids = $"/sys/fs/cgroup/pids{parts[2]}/pids.events";
                }
                else if (controllers.Contains("memory"))
                {
                    memory = $"/sys/fs/cgroup/memory{parts[2]}/memory.oom_control";
                }
                else if (parts[0] == "0" && File.Exists($"/sys/fs/cgroup{parts[2]}/pids.events"))
                {
                    pids ??= $"/sys/fs/cgroup{parts[2]}/pids.events";
                    memory ??= $"/sys/fs/cgroup{parts[2]}/memory.events";
                }
            }
        }
        catch (IOException)
        {
            return null;
        }
        return new ContainerCgroup(pids, memory, memoryKey);
    }

    /// <summary>Forks refused at the pids limit so far.</summary>
    internal long ProcessLimitHits() => Read(_pidsEvents, "max");

    /// <summary>Processes the OOM killer has killed so far.</summary>
    internal long MemoryOomKills() => Read(_memoryEvents, _memoryKey);

    private static long Read(string? file, string key)
    {
        if (file is null)
        {
            return 0;
        }
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
}
