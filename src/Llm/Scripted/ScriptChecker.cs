using System.Text.RegularExpressions;

namespace Smooth.Llm.Scripted;

/// <summary>Runs a turn's checks against a received request; returns the first that fails, or null.</summary>
internal static class ScriptChecker
{
    public static ScriptMismatch? Check(ScriptExpect? expect, ObservedRequest request)
    {
        if (expect is null)
        {
            return null;
        }
        var turn = request.Turn;
        if (expect.Model is { } model && model != request.Model)
        {
            return new(turn, "model", Quote(model), Quote(request.Model));
        }
        if (expect.ApiKey is { } key && key != request.ApiKey)
        {
            // Keys are never echoed, only their last characters.
            return new(turn, "api_key", $"a key ending {Tail(key)}", request.ApiKey is null ? "no key" : $"a key ending {Tail(request.ApiKey)}");
        }
        if (expect.Stream is { } stream && stream != request.Stream)
        {
            return new(turn, "stream", stream ? "a streaming request" : "a non-streaming request", request.Stream ? "a streaming request" : "a non-streaming request");
        }
        if (expect.MessageCount is { } count && count != request.Messages.Count)
        {
            return new(turn, "message_count", $"{count} messages", $"{request.Messages.Count} messages ({string.Join(", ", request.Messages.Select(m => m.Role))})");
        }
        var last = request.Messages.Count > 0 ? request.Messages[^1] : null;
        if (expect.LastRole is { } role && role != last?.Role)
        {
            return new(turn, "last_role", Quote(role), last is null ? "no messages" : $"{Quote(last.Role)}: {Quote(Clip(last.Text))}");
        }
        if (expect.LastUserMatches is { } pattern)
        {
            var user = request.Messages.LastOrDefault(m => m.Role == "user");
            if (user is null || !Regex.IsMatch(user.Text, pattern, RegexOptions.None, TimeSpan.FromSeconds(1)))
            {
                return new(turn, "last_user_matches", $"last user message matching /{pattern}/", user is null ? "no user message" : Quote(Clip(user.Text)));
            }
        }
        if (expect.LastToolResultContains is { } needle)
        {
            var tool = request.Messages.LastOrDefault(m => m.Role == "tool");
            if (tool is null || !tool.Text.Contains(needle, StringComparison.Ordinal))
            {
                return new(turn, "last_tool_result_contains", $"last tool result containing {Quote(needle)}", tool is null ? "no tool result" : Quote(Clip(tool.Text)));
            }
        }
        if (expect.NothingContains is { } forbidden)
        {
            var hit = request.Messages.FirstOrDefault(m => m.Text.Contains(forbidden, StringComparison.Ordinal));
            if (hit is not null)
            {
                return new(turn, "nothing_contains", $"no message containing the forbidden string", $"a {hit.Role} message contains it");
            }
        }
        if (expect.ToolsInclude is { } tools)
        {
            var missing = tools.Where(t => !request.Tools.Contains(t, StringComparer.Ordinal)).ToList();
            if (missing.Count > 0)
            {
                return new(turn, "tools_include", $"tools [{string.Join(", ", tools)}]", $"tools [{string.Join(", ", request.Tools)}] (missing {string.Join(", ", missing)})");
            }
        }
        return null;
    }

    private static string Quote(string s) => "\"" + s.Replace("\n", "\\n", StringComparison.Ordinal) + "\"";

    private static string Clip(string s) => s.Length > 400 ? s[..400] + "…" : s;

    private static string Tail(string key) => key.Length >= 8 ? "…" + key[^4..] : "…";
}
