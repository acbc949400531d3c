namespace Smooth.Operator.Api;

/// <summary>A body with one text field (comments, memories) or an answer with an id.</summary>
/// <param name="Text">The text (or id).</param>
public sealed record TextBody(string Text);
