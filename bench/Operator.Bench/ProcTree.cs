using System.Globalization;
using System.Runtime.InteropServices;

namespace Smooth.Operator.Bench;

/// <summary>Reads processes from /proc: descendants of this process by command line, and their memory figures.</summary>
public static partial class ProcTree
{
    /// <summary>The pid of a descendant of this process whose arguments after argv[0] are exactly <paramref name="args"/>, or null.</summary>
    public static int? FindDescendant(IReadOnlyList<string> args)
    {
        var self = Environment.ProcessId;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || pid == self) continue;
            string[] argv;
            try
            {
                argv = File.ReadAllText(Path.Combine(dir, "cmdline")).TrimEnd('\0').Split('\0');
            }
            catch (IOException)
            {
                continue;
            }
            catch (UnauthorizedAccessException)
            {
                continue;
            }
            if (argv.Length != args.Count + 1 || !argv.Skip(1).SequenceEqual(args)) continue;
            if (IsDescendantOf(pid, self)) return pid;
        }
        return null;
    }

    /// <summary>A field of /proc/PID/status in KiB (VmRSS, VmHWM, ...).</summary>
    public static long StatusKiB(int pid, string field)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (!line.StartsWith(field + ":", StringComparison.Ordinal)) continue;
            return long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }
        throw new InvalidOperationException($"/proc/{pid}/status has no {field} (the process may not be readable)");
    }

    /// <summary>The largest resident set (KiB) of any child process this process has waited for (getrusage RUSAGE_CHILDREN).</summary>
    public static long ChildrenMaxRssKiB()
    {
        // struct rusage on 64-bit Linux: two timevals (4 longs), then ru_maxrss, then 13 more longs.
        var usage = new long[18];
        if (GetRUsage(-1, usage) != 0) throw new InvalidOperationException($"getrusage failed: errno {Marshal.GetLastPInvokeError()}");
        return usage[4];
    }

    private static bool IsDescendantOf(int pid, int ancestor)
    {
        for (var i = 0; i < 64 && pid > 1; i++)
        {
            pid = ParentOf(pid);
            if (pid == ancestor) return true;
        }
        return false;
    }

    private static int ParentOf(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("PPid:", StringComparison.Ordinal)) return int.Parse(line[5..].Trim(), CultureInfo.InvariantCulture);
            }
        }
        catch (IOException)
        {
        }
        return 0;
    }

    [LibraryImport("libc", EntryPoint = "getrusage", SetLastError = true)]
    private static partial int GetRUsage(int who, [Out] long[] usage);
}
