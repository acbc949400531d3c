using Smooth.Pearls.Model;

namespace Smooth.Pearls.Storage;

/// <summary>A row of <c>pearl_comments</c>.</summary>
internal sealed class CommentRow
{
    public string Id { get; set; } = "";
    public string PearlId { get; set; } = "";
    public string Author { get; set; } = "";
    public string Body { get; set; } = "";
    public string CreatedAt { get; set; } = "";

    public PearlComment ToComment() => new(Id, Author, Body, Timestamps.Read(CreatedAt));
}
