namespace Smooth.Policy;

/// <summary>
/// An MCP rule: <c>server</c> (every tool of that server), <c>server/*</c> (the same) or <c>server/tool</c> (one tool).
/// Names are compared exactly (case-sensitive), as MCP servers and tools name themselves.
/// </summary>
public sealed record McpRule(string Server, string? Tool)
{
    /// <summary>Parses <paramref name="text"/>; a malformed rule is a <see cref="FormatException"/> saying what is wrong.</summary>
    public static McpRule Parse(string text)
    {
        var slash = text.IndexOf('/');
        var server = slash < 0 ? text : text[..slash];
        var tool = slash < 0 ? null : text[(slash + 1)..];
        if (!ValidName(server)) throw new FormatException($"'{text}': an MCP rule is server, server/* or server/tool (letters, digits, '-', '_', '.')");
        if (tool is "*") tool = null;
        else if (tool is not null && !ValidName(tool)) throw new FormatException($"'{text}': the tool after '/' is a name or '*'");
        return new McpRule(server, tool);
    }

    /// <summary>True when the rule covers <paramref name="tool"/> of <paramref name="server"/> (any tool when null).</summary>
    public bool Matches(string server, string? tool) =>
        string.Equals(Server, server, StringComparison.Ordinal) && (Tool is null || string.Equals(Tool, tool, StringComparison.Ordinal));

    private static bool ValidName(string name) => name.Length is > 0 and <= 128 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
