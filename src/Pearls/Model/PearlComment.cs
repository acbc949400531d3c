namespace Smooth.Pearls.Model;

/// <summary>A comment on a pearl.</summary>
/// <param name="Id"><c>c-</c> followed by eight hex digits; unique across machines so imports can merge comments.</param>
/// <param name="Author">Who wrote it ($SMOOTH_ACTOR or the OS user).</param>
/// <param name="Body">The text.</param>
/// <param name="CreatedAt">When it was written (UTC).</param>
public sealed record PearlComment(string Id, string Author, string Body, DateTimeOffset CreatedAt);
