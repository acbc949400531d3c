namespace Smooth.Core.Threading;

/// <summary>
/// Runs start-up work ahead of need on a background thread of its own. Not on the thread pool: the pool's first use
/// costs the thread that queues the work a few milliseconds, which is what a head start is meant to save.
/// </summary>
public static class HeadStart
{
    /// <summary>Starts <paramref name="work"/> on a new background thread named <paramref name="name"/>.</summary>
    public static void Run(string name, Action work) => new Thread(() => work()) { IsBackground = true, Name = name }.Start();
}
