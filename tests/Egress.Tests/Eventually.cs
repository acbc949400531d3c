namespace Smooth.Egress.Tests;

/// <summary>Waits for something that happens just after a response is sent (events are emitted once bytes are counted).</summary>
public static class Eventually
{
    public static async Task<T> GetAsync<T>(Func<T?> probe) where T : class
    {
        for (var i = 0; i < 200; i++)
        {
            if (probe() is { } value) return value;
            await Task.Delay(25);
        }
        throw new TimeoutException("the expected state was not reached");
    }
}
