using Smooth.Sandbox.Contract;

namespace Smooth.Sandbox.Bundles;

/// <summary>The request bundle's <c>manifest.json</c>: everything a provider needs to run the sandbox.</summary>
/// <param name="SchemaVersion">Format version (<see cref="BundleLimits.SchemaVersion"/>).</param>
/// <param name="RunId">The run.</param>
/// <param name="SandboxId">The sandbox within the run.</param>
/// <param name="Provider">Provider id.</param>
/// <param name="Command">argv to run.</param>
/// <param name="EnvironmentNames">Names of the variables set inside (values are not written: they may be secret).</param>
/// <param name="Limits">Resource limits.</param>
/// <param name="Lineage">Parent run and sandbox, and depth.</param>
/// <param name="BaseRef">The snapshot commit the workspace starts from.</param>
/// <param name="CreatedAt">When the request was made.</param>
public sealed record RequestManifest(
    int SchemaVersion, string RunId, string SandboxId, string Provider, IReadOnlyList<string> Command,
    IReadOnlyList<string> EnvironmentNames, SandboxLimits Limits, SandboxLineage Lineage, string BaseRef, DateTimeOffset CreatedAt);
