using System.Text.Json;

namespace Smooth.Operator.Hooks;

/// <summary>A short, human summary of a call's arguments for events (the path or the command; never file contents).</summary>
public static class ArgumentSummary
{
    /// <summary>The summary for <paramref name="call"/>.</summary>
    public static string Of(ToolInvocation call)
    {
        try
        {
            using var doc = JsonDocument.Parse(call.ArgumentsJson.Length == 0 ? "{}" : call.ArgumentsJson);
            var root = doc.RootElement;
            foreach (var key in new[] { "path", "command", "url", "pattern", "id", "title", "question" })
            {
                if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String)
                {
                    var s = v.GetString() ?? "";
                    return $"{key}={(s.Length > 200 ? s[..200] + "…" : s)}";
                }
            }
            return "";
        }
        catch (JsonException)
        {
            return "(malformed arguments)";
        }
    }
}
