namespace Smooth.Operator.Checkpoints;

/// <summary>
/// A checkpoint handed to a guard exchange with the host so it lands in that round trip instead of one of its own.
/// It is built only when the exchange is sent (so it holds the state of that moment) and counts as saved only once
/// the host confirms; anything not confirmed is saved the ordinary way afterwards.
/// </summary>
/// <param name="build">Builds the checkpoint, or returns null when it must not be carried (an earlier save is still in flight).</param>
/// <param name="saved">Called with the checkpoint once the host confirms it holds it.</param>
public sealed class CarriedCheckpoint(Func<Checkpoint?> build, Action<Checkpoint> saved)
{
    private Checkpoint? _built;
    private bool _taken;

    /// <summary>True once the host confirmed it saved the checkpoint.</summary>
    public bool Saved { get; private set; }

    /// <summary>The checkpoint to send (built on the first call), or null when there is nothing to carry.</summary>
    public Checkpoint? Take()
    {
        if (!_taken)
        {
            _taken = true;
            _built = build();
        }
        return _built;
    }

    /// <summary>Records the host's confirmation.</summary>
    public void Confirm()
    {
        if (Saved || _built is null) return;
        Saved = true;
        saved(_built);
    }
}
