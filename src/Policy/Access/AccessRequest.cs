namespace Smooth.Policy.Access;

/// <summary>A request for wider access, filed when the policy denied something a person may grant.</summary>
/// <param name="Id">The request id (<c>ar-</c> + 8 hex).</param>
/// <param name="RunId">The run that needed it.</param>
/// <param name="Kind"><c>network</c>, <c>tool</c>, <c>mcp</c> or <c>surveillance</c> (a call Narc escalated to a person).</param>
/// <param name="Resource">What was asked for, as a rule would name it (e.g. <c>pypi.org:443</c>, <c>http_fetch</c>, <c>github/create_issue</c>).</param>
/// <param name="Reason">Why the policy denied it.</param>
/// <param name="Status"><c>pending</c>, <c>approved</c> or <c>denied</c>.</param>
/// <param name="Scope">For approvals: <c>once</c>, <c>run</c>, <c>project</c> or <c>user</c>.</param>
/// <param name="CreatedAt">When it was filed (ISO 8601).</param>
/// <param name="DecidedAt">When a person decided, if they did.</param>
public sealed record AccessRequest(string Id, string RunId, string Kind, string Resource, string Reason, string Status, string? Scope, string CreatedAt, string? DecidedAt);
