using System.Collections.Concurrent;

namespace Smooth.Sandbox.Providers.Common;

/// <summary>
/// One long-lived thread that forks every sandbox process. The kernel ties a child's parent-death signal
/// (bwrap --die-with-parent) to the thread that forked it, not the process: a thread-pool thread that retires
/// would SIGKILL a healthy sandbox. Forking from a thread that never exits keeps the signal for real parent death.
/// </summary>
internal static class SpawnThread
{
    private static readonly BlockingCollection<Action> Work = [];

    static SpawnThread()
    {
        var thread = new Thread(() =>
        {
            foreach (var item in Work.GetConsumingEnumerable())
            {
                item();
            }
        })
        {
            IsBackground = true,
            Name = "smooth-sandbox-spawn",
        };
        thread.Start();
    }

    /// <summary>Runs <paramref name="func"/> on the spawn thread and returns its result (or rethrows its exception).</summary>
    internal static T Run<T>(Func<T> func)
    {
        if (Thread.CurrentThread.Name == "smooth-sandbox-spawn")
        {
            return func();
        }
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        Work.Add(() =>
        {
            try { done.SetResult(func()); }
            catch (Exception e) { done.SetException(e); }
        });
        return done.Task.GetAwaiter().GetResult();
    }
}
