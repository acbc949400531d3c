namespace Smooth.Cli.Commands;

/// <summary>
/// Steps <c>th init</c> runs after creating <c>.smooth/</c>, one per component that keeps project state
/// (for example the pearl store creating its database). Each must be idempotent.
/// </summary>
internal static class ProjectInitializers
{
    /// <summary>The steps, in order. Each receives the project root.</summary>
    public static readonly IReadOnlyList<Func<string, CancellationToken, Task>> All =
    [
        PearlsInitializer.CreateDatabaseAsync,
    ];
}
