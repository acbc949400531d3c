using Smooth.Core;
using Smooth.Sandbox.Contract;
using Smooth.Sandbox.Providers.Bubblewrap;
using Smooth.Sandbox.Providers.Direct;
using Smooth.Sandbox.Providers.Docker;

namespace Smooth.Sandbox.Registry;

/// <summary>
/// Providers by id. The built-in ones are <c>bubblewrap</c> (the default) and <c>direct</c>; others are registered or
/// injected directly. Looking up an unknown id fails before anything is written.
/// </summary>
public sealed class SandboxProviderRegistry
{
    /// <summary>The default provider id.</summary>
    public const string DefaultId = "bubblewrap";

    private readonly Dictionary<string, Func<ISandboxProvider>> _factories = new(StringComparer.Ordinal);

    /// <summary>A registry with the built-in providers.</summary>
    public static SandboxProviderRegistry CreateDefault()
    {
        var registry = new SandboxProviderRegistry();
        registry.Register("bubblewrap", () => new BubblewrapProvider());
        registry.Register("direct", () => new DirectProvider());
        // Any docker-compatible CLI: SMOOTH_DOCKER_ENGINE=podman (with SMOOTH_DOCKER_RUNTIME=runc where crun fails)
        // and SMOOTH_DOCKER_IMAGE choose the engine and the image.
        registry.Register("docker", () => new DockerProvider(new DockerOptions
        {
            Engine = Environment.GetEnvironmentVariable("SMOOTH_DOCKER_ENGINE") is { Length: > 0 } engine ? engine : "docker",
            Image = Environment.GetEnvironmentVariable("SMOOTH_DOCKER_IMAGE") is { Length: > 0 } image ? image : new DockerOptions().Image,
            Runtime = Environment.GetEnvironmentVariable("SMOOTH_DOCKER_RUNTIME") is { Length: > 0 } runtime ? runtime : null,
        }));
        return registry;
    }

    /// <summary>Adds (or replaces) a provider factory under <paramref name="id"/>.</summary>
    public void Register(string id, Func<ISandboxProvider> factory) => _factories[id] = factory;

    /// <summary>The registered ids, sorted.</summary>
    public IReadOnlyList<string> Ids => _factories.Keys.Order(StringComparer.Ordinal).ToList();

    /// <summary>The provider for <paramref name="id"/>; throws a clear error for an unknown id.</summary>
    public ISandboxProvider Resolve(string id) =>
        _factories.TryGetValue(id, out var factory)
            ? factory()
            : throw new SmoothException($"unknown sandbox provider '{id}'", $"use one of: {string.Join(", ", Ids)}", ExitCodes.BadInput);
}
