using Smooth.Sandbox.Contract;
using Smooth.Sandbox.Providers.Bubblewrap;
using Smooth.TestSupport;

namespace Smooth.Sandbox.Providers.Tests;

/// <summary>Nothing of the host user's home, other repositories or host processes is visible; only /workspace is writable.</summary>
[Collection(nameof(HostEnvironmentCollection))]
public sealed class BubblewrapFilesystemEscapeTests : IDisposable
{
    private const string Secret = "host-secret-9f8e7d";
    private readonly BubblewrapProvider _provider = new();
    private readonly TempDir _home = new("smooth-host-home");
    private readonly TempDir _otherRepo = new("smooth-other-repo");
    private readonly string? _savedHome = Environment.GetEnvironmentVariable("HOME");

    public BubblewrapFilesystemEscapeTests()
    {
        Directory.CreateDirectory(_home.Combine(".ssh"));
        File.WriteAllText(_home.Combine(".ssh", "id_ed25519"), Secret);
        Directory.CreateDirectory(_home.Combine(".smooth"));
        File.WriteAllText(_home.Combine(".smooth", "providers.json"), $"{{\"apiKey\":\"{Secret}\"}}");
        File.WriteAllText(_otherRepo.Combine("secret.txt"), Secret);
        Environment.SetEnvironmentVariable("HOME", _home.Path);
        Environment.SetEnvironmentVariable("SMOOTH_TEST_PARENT_SECRET", Secret);
    }

    [Fact]
    public async Task Host_home_other_repos_and_parent_environment_are_invisible()
    {
        using var h = new SandboxHarness();
        var r = await h.ShAsync(_provider,
            $"cat {_home.Path}/.ssh/id_ed25519 {_home.Path}/.smooth/providers.json {_otherRepo.Path}/secret.txt ~/.ssh/id_ed25519 ~/.smooth/providers.json; " +
            "cat /root/.ssh/* /etc/shadow; ls -a ~ /home; env; cat /proc/1/environ; for f in /proc/[0-9]*/environ; do tr '\\0' '\\n' < $f; done; true");
        Assert.DoesNotContain(Secret, r.StandardOutput);
        Assert.DoesNotContain(Secret, r.StandardError);
        Assert.Contains("No such file", r.StandardError);
    }

    [Fact]
    public async Task Host_processes_are_invisible()
    {
        using var h = new SandboxHarness();
        var r = await h.ShAsync(_provider, "ls /proc | grep -E '^[0-9]+$' | wc -l; cat /proc/1/cmdline | tr '\\0' ' '");
        var count = int.Parse(r.StandardOutput.Split('\n')[0].Trim());
        Assert.True(count < 10, $"saw {count} processes: {r.StandardOutput}");
        Assert.DoesNotContain("dotnet", r.StandardOutput);
    }

    [Fact]
    public async Task Writes_outside_the_workspace_do_not_reach_the_host()
    {
        using var h = new SandboxHarness();
        var outside = _otherRepo.Combine("planted.txt");
        var hostTmp = Path.Combine(Path.GetTempPath(), "smooth-planted-" + Guid.NewGuid().ToString("N"));
        var r = await h.ShAsync(_provider,
            $"echo x > {outside}; echo x > /usr/planted; echo x > /etc/planted; echo x > {hostTmp}; mkdir -p {_otherRepo.Path} && echo x > {outside}; echo ok > /workspace/inside; true");
        Assert.False(File.Exists(outside));
        Assert.False(File.Exists("/usr/planted"));
        Assert.False(File.Exists("/etc/planted"));
        Assert.False(File.Exists(hostTmp));
        Assert.Equal("ok\n", File.ReadAllText(Path.Combine(h.Workspace, "inside")));
    }

    [Fact]
    public async Task A_symlink_planted_in_the_workspace_is_followed_inside_the_sandbox_only()
    {
        using var h = new SandboxHarness();
        var target = _otherRepo.Combine("secret.txt");
        File.CreateSymbolicLink(Path.Combine(h.Workspace, "read-link"), target);
        File.CreateSymbolicLink(Path.Combine(h.Workspace, "write-link"), _otherRepo.Combine("written.txt"));
        File.CreateSymbolicLink(Path.Combine(h.Workspace, "dir-link"), _otherRepo.Path);
        var r = await h.ShAsync(_provider, "cat read-link; cat dir-link/secret.txt; echo pwned > write-link; echo pwned > dir-link/new.txt; echo pwned > read-link; true");
        Assert.DoesNotContain(Secret, r.StandardOutput);
        Assert.False(File.Exists(_otherRepo.Combine("written.txt")));
        Assert.False(File.Exists(_otherRepo.Combine("new.txt")));
        Assert.Equal(Secret, File.ReadAllText(target));
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("HOME", _savedHome);
        Environment.SetEnvironmentVariable("SMOOTH_TEST_PARENT_SECRET", null);
        _home.Dispose();
        _otherRepo.Dispose();
    }
}
