using Smooth.Pearls.Storage;

namespace Smooth.Cli.Commands;

/// <summary>The pearl store's <c>th init</c> step: create (or migrate) <c>.smooth/pearls.db</c>.</summary>
internal static class PearlsInitializer
{
    /// <summary>Opens the database once, which creates it and applies the migrations.</summary>
    public static async Task CreateDatabaseAsync(string projectRoot, CancellationToken ct)
    {
        await using var store = await SqlitePearlStore.OpenAsync(SqlitePearlStore.DatabasePathFor(projectRoot), ct: ct);
    }
}
