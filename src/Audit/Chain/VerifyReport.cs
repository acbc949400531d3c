namespace Smooth.Audit.Chain;

/// <summary>The outcome of checking the whole chain.</summary>
/// <param name="Ok">True when every record links to the one before and the head anchor matches.</param>
/// <param name="Records">How many records were checked.</param>
/// <param name="Problems">Each break found, in order (empty when <paramref name="Ok"/>).</param>
public sealed record VerifyReport(bool Ok, long Records, IReadOnlyList<ChainProblem> Problems);

/// <summary>One break in the chain.</summary>
/// <param name="Seq">The record where the break was seen.</param>
/// <param name="Kind">edited, missing, reordered, or truncated.</param>
/// <param name="Detail">What exactly did not match.</param>
public sealed record ChainProblem(long Seq, string Kind, string Detail);
