using Smooth.Core;

namespace Smooth.Sandbox.Diffs;

/// <summary>
/// The merge queue: accepted diffs reach the user's tree one at a time, across processes (the daemon's auto-accepted
/// runs, several <c>th review accept</c> at once). Each waits its turn on an exclusive lock file in <c>.smooth/</c>, so
/// every apply sees the tree the previous one left and either applies whole or reports its conflicts.
/// </summary>
public static class ApplyQueue
{
    /// <summary>Waits for the project's apply turn; dispose the result to hand it on.</summary>
    public static async Task<IDisposable> EnterAsync(string repo, CancellationToken ct)
    {
        var stateDir = ProjectLocator.StateDir(repo);
        Directory.CreateDirectory(stateDir);
        var path = Path.Combine(stateDir, "apply.lock");
        var delay = TimeSpan.FromMilliseconds(10);
        while (true)
        {
            try
            {
                // FileShare.None gives an exclusive OS lock (flock) that dies with the process: a crash cannot wedge the queue.
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
            }
            catch (IOException)
            {
                await Task.Delay(delay, ct);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 200));
            }
        }
    }
}
