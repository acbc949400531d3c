namespace Smooth.Surveillance;

/// <summary>Where a finding is in the scanned text.</summary>
/// <param name="Start">Offset of the first character (UTF-16 code units).</param>
/// <param name="Length">Length in UTF-16 code units.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
public readonly record struct FindingSpan(int Start, int Length, int Line, int Column)
{
    /// <summary>The offset just past the match.</summary>
    public int End => Start + Length;

    /// <inheritdoc />
    public override string ToString() => $"{Line}:{Column}";
}
