namespace Smooth.Pearls.Model;

/// <summary>A piece of learned context that persists between runs.</summary>
/// <param name="Id"><c>m-</c> followed by eight hex digits.</param>
/// <param name="Content">What was learned.</param>
/// <param name="Source">Where it came from (a pearl id, an operator, "user"); used to recall by source.</param>
/// <param name="CreatedAt">When it was remembered (UTC).</param>
public sealed record Memory(string Id, string Content, string Source, DateTimeOffset CreatedAt);
