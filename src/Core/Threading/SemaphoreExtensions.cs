namespace Smooth.Core.Threading;

/// <summary>One-at-a-time sections over a <see cref="SemaphoreSlim"/> of one slot (a store's single connection).</summary>
public static class SemaphoreExtensions
{
    /// <summary>Runs <paramref name="action"/> while holding <paramref name="gate"/>, releasing it whatever happens.</summary>
    public static async Task<T> RunExclusiveAsync<T>(this SemaphoreSlim gate, Func<Task<T>> action, CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        try
        {
            return await action();
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Runs <paramref name="action"/> while holding <paramref name="gate"/>, releasing it whatever happens.</summary>
    public static async Task RunExclusiveAsync(this SemaphoreSlim gate, Func<Task> action, CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        try
        {
            await action();
        }
        finally
        {
            gate.Release();
        }
    }
}
