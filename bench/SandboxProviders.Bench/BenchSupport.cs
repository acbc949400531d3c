using Smooth.Sandbox.Contract;
using Smooth.Sandbox.Providers.Bubblewrap;
using Smooth.Sandbox.Providers.Common;

/// <summary>Reaches the provider's own argument builder so the baseline uses exactly the same bwrap flags.</summary>
internal static class BenchSupport
{
    /// <summary>The provider's flags without the seccomp and block descriptors (which need the provider's fd hand-over).</summary>
    public static List<string> BareArguments(SandboxExecution execution, IReadOnlyDictionary<string, string> env, string scratch) =>
        BubblewrapArguments.Build(execution, execution.Command, ExecutionChecksShim.WithLineage(execution), SystemMounts.Create(scratch), null, null);

    /// <summary>Absolute path of bwrap.</summary>
    public static string Bwrap() => ExecutableFinder.Find("bwrap") ?? throw new InvalidOperationException("bwrap is not installed");
}

/// <summary>The lineage variable, as the provider adds it.</summary>
internal static class ExecutionChecksShim
{
    public static Dictionary<string, string> WithLineage(SandboxExecution execution) => ExecutionChecks.EnvironmentWithLineage(execution);
}
