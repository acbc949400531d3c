namespace Smooth.Sandbox.Providers.Tests;

/// <summary>
/// Tests that look at every thread of this process run alone: while another test starts a sandbox, its forking thread
/// is inside that sandbox's cgroup for the fork, as it should be.
/// </summary>
[CollectionDefinition(nameof(ForksAloneCollection), DisableParallelization = true)]
public sealed class ForksAloneCollection;
