namespace Smooth.Operator.Checkpoints;

/// <summary>Where checkpoints are kept (the host, through the operator API) and found again on resume.</summary>
public interface ICheckpointSink
{
    /// <summary>Saves <paramref name="checkpoint"/> durably before returning.</summary>
    Task SaveAsync(Checkpoint checkpoint, CancellationToken ct);

    /// <summary>The last checkpoint of the run, or null when it never saved one.</summary>
    Task<Checkpoint?> LoadAsync(CancellationToken ct);

    /// <summary>The last event sequence number the host received from this run (a resumed run continues after it).</summary>
    Task<long> LastEventSeqAsync(CancellationToken ct);
}
