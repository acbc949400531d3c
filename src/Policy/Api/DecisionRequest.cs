namespace Smooth.Policy.Api;

/// <summary>
/// One question to the decision API. <see cref="Kind"/> says which fields matter: <c>network</c> (host, port, scheme
/// <c>http</c>|<c>connect</c>, and for plain HTTP method and path), <c>tool</c> (tool), <c>write</c> and <c>read</c> (path,
/// relative to the workspace), <c>command</c> (command), <c>pearl</c> (pearl: the operator's own; target), <c>pearl_create</c>,
/// <c>mcp</c> (server, and tool when one tool is meant).
/// </summary>
public sealed record DecisionRequest
{
    /// <summary>network, tool, write, read, command, pearl, pearl_create or mcp.</summary>
    public string? Kind { get; init; }

    /// <summary>The run asking (recorded in the decision event), if any.</summary>
    public string? Run { get; init; }

    /// <summary>network: the host name or IP literal.</summary>
    public string? Host { get; init; }

    /// <summary>network: the port (default 443 for connect, 80 for http).</summary>
    public int? Port { get; init; }

    /// <summary>network: <c>http</c> for a plain HTTP request, <c>connect</c> (the default) for a tunnel.</summary>
    public string? Scheme { get; init; }

    /// <summary>network over plain HTTP: the method.</summary>
    public string? Method { get; init; }

    /// <summary>network over plain HTTP: the request path; write/read: the file path.</summary>
    public string? Path { get; init; }

    /// <summary>tool: the tool name; mcp: the MCP tool (omit for the server as a whole).</summary>
    public string? Tool { get; init; }

    /// <summary>command: the shell command line.</summary>
    public string? Command { get; init; }

    /// <summary>pearl: the operator's own pearl.</summary>
    public string? Pearl { get; init; }

    /// <summary>pearl: the pearl it wants to see.</summary>
    public string? Target { get; init; }

    /// <summary>mcp: the MCP server name.</summary>
    public string? Server { get; init; }
}
