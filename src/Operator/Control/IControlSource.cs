namespace Smooth.Operator.Control;

/// <summary>Where control messages come from (the host, through the operator API).</summary>
public interface IControlSource
{
    /// <summary>Waits (long poll) for messages after <paramref name="afterSeq"/>; may return an empty list on timeout.</summary>
    Task<IReadOnlyList<ControlMessage>> NextAsync(long afterSeq, CancellationToken ct);
}
