using Smooth.Sandbox.Contract;
using Smooth.TestSupport;

namespace Smooth.Sandbox.Providers.Tests;

/// <summary>A workspace and scratch directory for one sandboxed run, and a shortcut to run a shell line in it.</summary>
public sealed class SandboxHarness : IDisposable
{
    private readonly TempDir _root = new("smooth-sbx");

    public SandboxHarness()
    {
        Directory.CreateDirectory(Workspace);
        Directory.CreateDirectory(Scratch);
    }

    public string Root => _root.Path;
    public string Workspace => _root.Combine("workspace");
    public string Scratch => _root.Combine("scratch");

    public SandboxExecution Execution(IReadOnlyList<string> command, SandboxLimits? limits = null, IReadOnlyList<SandboxMount>? mounts = null,
        IReadOnlyDictionary<string, string>? env = null) => new()
    {
        RunId = "run" + Guid.NewGuid().ToString("N")[..8],
        SandboxId = "sbx1",
        WorkspacePath = Workspace,
        ScratchPath = Scratch,
        Command = command,
        Environment = env ?? new Dictionary<string, string> { ["PATH"] = "/usr/local/bin:/usr/bin:/bin", ["HOME"] = "/home/sandbox" },
        Limits = limits ?? new SandboxLimits { Timeout = TimeSpan.FromSeconds(60) },
        Mounts = mounts ?? [],
    };

    /// <summary>Runs <c>bash -c line</c> through <paramref name="provider"/> and cleans up.</summary>
    public async Task<ProviderResult> ShAsync(ISandboxProvider provider, string line, SandboxLimits? limits = null,
        IReadOnlyList<SandboxMount>? mounts = null)
    {
        var execution = Execution(["/bin/bash", "-c", line], limits, mounts);
        try
        {
            return await provider.RunAsync(execution, CancellationToken.None);
        }
        finally
        {
            await provider.CleanupAsync(execution, CancellationToken.None);
        }
    }

    public void Dispose() => _root.Dispose();
}
