namespace Smooth.Orchestrator.Inbox;

/// <summary>One thing waiting for a person.</summary>
/// <param name="Kind"><c>review</c> (a diff), <c>question</c> (an operator asked), or <c>access</c> (an access request).</param>
/// <param name="Id">The review/run id or the access request id.</param>
/// <param name="Subject">What it is about, in one line.</param>
/// <param name="Since">When it started waiting (ISO 8601).</param>
/// <param name="Actions">The commands that settle it.</param>
public sealed record InboxItem(string Kind, string Id, string Subject, string Since, IReadOnlyList<string> Actions);
