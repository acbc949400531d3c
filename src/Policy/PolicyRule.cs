namespace Smooth.Policy;

/// <summary>One rule of the effective policy, with where it came from.</summary>
/// <param name="Section">network.allow, network.deny, files.protected, files.read_deny, tools.allow, tools.deny, commands.deny,
/// pearls.depth, pearls.create, mcp.allow, mcp.deny, auto_approve.network, auto_approve.tools or auto_approve.mcp.</param>
/// <param name="Text">The rule as written (host[:port], glob, tool name, command fragment).</param>
/// <param name="Source">The layer and place: <c>default</c>, <c>org FILE:LINE</c>, <c>user FILE:LINE</c>, <c>project FILE:LINE</c>, <c>run</c>.</param>
/// <param name="Methods">For network.allow over plain HTTP: the methods allowed (empty for any).</param>
/// <param name="PathPrefix">For network.allow over plain HTTP: the path prefix allowed (null for any).</param>
public sealed record PolicyRule(string Section, string Text, string Source, IReadOnlyList<string>? Methods = null, string? PathPrefix = null);
