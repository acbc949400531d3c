using Smooth.Sandbox.Contract;
using Smooth.Sandbox.Providers.Bubblewrap;

namespace Smooth.Sandbox.Providers.Tests;

/// <summary>Each limit stops the whole sandbox and is reported as its own reason; nothing outlives the run.</summary>
public sealed class BubblewrapLimitTests
{
    private readonly BubblewrapProvider _provider = new();

    [Fact]
    public async Task Timeout_kills_the_sandbox_and_says_so()
    {
        using var h = new SandboxHarness();
        var r = await h.ShAsync(_provider, "echo started; sleep 600", new SandboxLimits { Timeout = TimeSpan.FromSeconds(2) });
        Assert.Equal(SandboxStatus.Failed, r.Status);
        Assert.Equal(LimitHit.Timeout, r.LimitHit);
        Assert.Contains("timeout", r.Message);
        Assert.Equal("started\n", r.StandardOutput);
    }

    [Fact]
    public async Task Output_cap_kills_an_endless_line()
    {
        using var h = new SandboxHarness();
        var r = await h.ShAsync(_provider, "tr -d '\\n' < /dev/zero", new SandboxLimits { Timeout = TimeSpan.FromSeconds(60), MaxOutputBytes = 100_000 });
        Assert.Equal(LimitHit.Output, r.LimitHit);
        Assert.Contains("output", r.Message);
        Assert.True(r.StandardOutput.Length <= 100_000);
    }

    [Fact]
    public async Task Fork_bomb_is_contained_and_reported()
    {
        using var h = new SandboxHarness();
        var r = await h.ShAsync(_provider, "bomb() { bomb | bomb & }; bomb; sleep 30",
            new SandboxLimits { Timeout = TimeSpan.FromSeconds(60), MaxProcesses = 64 });
        Assert.Equal(SandboxStatus.Failed, r.Status);
        Assert.Equal(LimitHit.Processes, r.LimitHit);
        Assert.Contains("processes", r.Message);
    }

    [Fact]
    public async Task Memory_bomb_is_contained_and_reported()
    {
        using var h = new SandboxHarness();
        // The shell keeps the whole command substitution in memory.
        var r = await h.ShAsync(_provider, "x=$(head -c 400000000 /dev/zero | tr '\\0' a); echo survived-${#x}",
            new SandboxLimits { Timeout = TimeSpan.FromSeconds(120), MemoryBytes = 64L * 1024 * 1024 });
        Assert.True(r.Status == SandboxStatus.Failed, r.StandardOutput + r.StandardError);
        Assert.Equal(LimitHit.Memory, r.LimitHit);
        Assert.Contains("memory", r.Message);
    }

    [Fact]
    public async Task No_process_survives_the_run()
    {
        using var h = new SandboxHarness();
        var marker = Random.Shared.Next(100_000, 999_999).ToString();
        var r = await h.ShAsync(_provider, $"setsid sleep {marker} & nohup sleep {marker} > /dev/null 2>&1 & (sleep {marker} &) ; disown -a; echo left");
        Assert.Equal("left\n", r.StandardOutput);
        Assert.Empty(HostProcessesWith(marker));
    }

    [Fact]
    public async Task Cancellation_kills_the_sandbox_and_reports_cancelled()
    {
        using var h = new SandboxHarness();
        var marker = Random.Shared.Next(100_000, 999_999).ToString();
        using var cts = new CancellationTokenSource();
        var execution = h.Execution(["/bin/sh", "-c", $"echo up; sleep {marker}"]) with
        {
            OnStandardOutput = line => { if (line == "up") cts.Cancel(); },
        };
        var r = await _provider.RunAsync(execution, cts.Token);
        await _provider.CleanupAsync(execution, CancellationToken.None);
        Assert.Equal(SandboxStatus.Cancelled, r.Status);
        Assert.Empty(HostProcessesWith(marker));
    }

    private static List<int> HostProcessesWith(string marker)
    {
        var found = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }
            try
            {
                var cmdline = File.ReadAllText(Path.Combine(dir, "cmdline")).Split('\0');
                if (cmdline.Contains(marker))
                {
                    found.Add(pid);
                }
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
        return found;
    }
}
