using System.Text;
using System.Text.Json;

namespace Smooth.Surveillance.Guards;

/// <summary>Pulls the parts the guards check (command, paths, written content) out of a tool call's JSON arguments.</summary>
internal sealed class ToolArguments
{
    private static readonly string[] CommandFields = ["command", "cmd", "script", "commands"];
    private static readonly string[] PathFields = ["path", "file_path", "filepath", "filename", "file", "target", "destination", "dest"];
    private static readonly string[] ContentFields = ["content", "contents", "text", "new", "new_string", "new_str", "new_text", "replacement", "data"];
    private static readonly string[] PatchFields = ["patch", "input", "diff"];

    public string? Command { get; private set; }
    public List<string> Paths { get; } = [];
    public List<string> Contents { get; } = [];

    /// <summary>Parses <paramref name="json"/>; false when it is not a JSON object.</summary>
    public static bool TryParse(string json, out ToolArguments args)
    {
        args = new ToolArguments();
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(string.IsNullOrWhiteSpace(json) ? "{}" : json, new JsonDocumentOptions { MaxDepth = 32 });
        }
        catch (JsonException)
        {
            return false;
        }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object) return false;
            var root = doc.RootElement;
            foreach (var f in CommandFields)
            {
                if (Get(root, f) is { } c)
                {
                    args.Command = c.ValueKind == JsonValueKind.Array
                        ? string.Join(' ', c.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString() : e.GetRawText()))
                        : c.ValueKind == JsonValueKind.String ? c.GetString() : c.GetRawText();
                    break;
                }
            }
            foreach (var f in PathFields)
            {
                if (Get(root, f) is { ValueKind: JsonValueKind.String } p) args.Paths.Add(p.GetString()!);
            }
            foreach (var f in ContentFields)
            {
                if (Get(root, f) is { ValueKind: JsonValueKind.String } c) args.Contents.Add(c.GetString()!);
            }
            // Multi-edit shapes: {"edits": [{"path": ..., "new_string": ...}, ...]}
            if (Get(root, "edits") is { ValueKind: JsonValueKind.Array } edits)
            {
                foreach (var e in edits.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object))
                {
                    foreach (var f in PathFields) if (Get(e, f) is { ValueKind: JsonValueKind.String } p) args.Paths.Add(p.GetString()!);
                    foreach (var f in ContentFields) if (Get(e, f) is { ValueKind: JsonValueKind.String } c) args.Contents.Add(c.GetString()!);
                }
            }
            foreach (var f in PatchFields)
            {
                if (Get(root, f) is { ValueKind: JsonValueKind.String } p)
                {
                    ReadPatch(p.GetString()!, args);
                }
            }
        }
        return true;
    }

    private static JsonElement? Get(JsonElement obj, string name)
    {
        foreach (var p in obj.EnumerateObject())
        {
            if (string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)) return p.Value;
        }
        return null;
    }

    // Unified diffs (---/+++/diff --git) and the "*** Add/Update/Delete File:" envelope format: every path named,
    // and the added lines only (removing a secret from a file must not be refused).
    private static void ReadPatch(string patch, ToolArguments args)
    {
        var added = new StringBuilder();
        foreach (var raw in patch.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.StartsWith("+++ ", StringComparison.Ordinal) || line.StartsWith("--- ", StringComparison.Ordinal))
            {
                var p = line[4..].Trim();
                var tab = p.IndexOf('\t');
                if (tab >= 0) p = p[..tab];
                if (p != "/dev/null") args.Paths.Add(p.StartsWith("a/", StringComparison.Ordinal) || p.StartsWith("b/", StringComparison.Ordinal) ? p[2..] : p);
            }
            else if (line.StartsWith("diff --git ", StringComparison.Ordinal))
            {
                foreach (var part in line[11..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    args.Paths.Add(part.StartsWith("a/", StringComparison.Ordinal) || part.StartsWith("b/", StringComparison.Ordinal) ? part[2..] : part);
                }
            }
            else if (line.StartsWith("*** ", StringComparison.Ordinal) && line.Contains(" File:", StringComparison.Ordinal))
            {
                args.Paths.Add(line[(line.IndexOf(" File:", StringComparison.Ordinal) + 6)..].Trim());
            }
            else if (line.StartsWith("*** Move to:", StringComparison.Ordinal))
            {
                args.Paths.Add(line[12..].Trim());
            }
            else if (line.StartsWith('+'))
            {
                added.Append(line, 1, line.Length - 1).Append('\n');
            }
        }
        if (added.Length > 0) args.Contents.Add(added.ToString());
    }
}
