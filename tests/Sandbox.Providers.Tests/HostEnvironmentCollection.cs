namespace Smooth.Sandbox.Providers.Tests;

/// <summary>Tests that change this process's environment (HOME) run alone.</summary>
[CollectionDefinition(nameof(HostEnvironmentCollection), DisableParallelization = true)]
public sealed class HostEnvironmentCollection;
