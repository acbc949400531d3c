using Smooth.Pearls.Storage;
using Smooth.TestSupport;

namespace Smooth.Pearls.Tests;

/// <summary>A store on a fresh database file in a temp directory.</summary>
internal sealed class StoreFixture : IAsyncDisposable
{
    private StoreFixture(TempDir dir, SqlitePearlStore store)
    {
        Dir = dir;
        Store = store;
    }

    public TempDir Dir { get; }
    public SqlitePearlStore Store { get; private set; }
    public string DbPath => Dir.Combine("pearls.db");

    public static async Task<StoreFixture> CreateAsync(string actor = "alice")
    {
        var dir = new TempDir("pearls-store");
        return new StoreFixture(dir, await SqlitePearlStore.OpenAsync(dir.Combine("pearls.db"), actor));
    }

    public async Task<SqlitePearlStore> OpenOtherAsync(string name, string actor) =>
        await SqlitePearlStore.OpenAsync(Dir.Combine(name), actor);

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        Dir.Dispose();
    }
}
