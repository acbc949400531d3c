namespace Smooth.Sandbox.Bundles;

/// <summary>Bounds every bundle must respect; each violation is its own error.</summary>
public sealed record BundleLimits
{
    /// <summary>The only schema version this build reads and writes.</summary>
    public const int SchemaVersion = 1;

    /// <summary>Total bytes of all files in a bundle.</summary>
    public long MaxBundleBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>Number of files in a bundle.</summary>
    public int MaxFiles { get; init; } = 10_000;

    /// <summary>Bytes of a JSON manifest (request, result or diff bundle).</summary>
    public long MaxManifestBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>JSON nesting depth.</summary>
    public int MaxJsonDepth { get; init; } = 32;

    /// <summary>Elements of any JSON array.</summary>
    public int MaxArrayLength { get; init; } = 50_000;

    /// <summary>Characters of any JSON string.</summary>
    public int MaxStringLength { get; init; } = 32 * 1024 * 1024;
}
