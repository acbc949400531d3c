namespace Smooth.Operator.Control;

/// <summary>Feeds messages from a <see cref="IControlSource"/> into a <see cref="RunControl"/> until stopped.</summary>
public static class ControlPump
{
    /// <summary>Runs until <paramref name="ct"/> is cancelled; transient errors back off and retry.</summary>
    public static async Task RunAsync(IControlSource source, RunControl control, CancellationToken ct)
    {
        var delay = TimeSpan.FromMilliseconds(100);
        while (!ct.IsCancellationRequested)
        {
            try
            {
                foreach (var m in await source.NextAsync(control.LastSeq, ct)) control.Apply(m);
                delay = TimeSpan.FromMilliseconds(100);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception) when (!ct.IsCancellationRequested)
            {
                // The host may be restarting; controls are redelivered by sequence number, so retrying loses nothing.
                await Task.Delay(delay, ct).ContinueWith(_ => { }, TaskScheduler.Default);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 2000));
            }
        }
    }
}
