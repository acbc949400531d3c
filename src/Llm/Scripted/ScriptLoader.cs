using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Smooth.Core;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Smooth.Llm.Scripted;

/// <summary>Reads a script file (YAML, or JSON which is also YAML), and names every malformed field by its JSON path.</summary>
public static class ScriptLoader
{
    /// <summary>Loads and validates the script at <paramref name="path"/>.</summary>
    public static async Task<ScriptDocument> LoadAsync(string path, CancellationToken ct)
    {
        if (!File.Exists(path))
        {
            throw new SmoothException($"script file '{path}' does not exist", "pass the path of a YAML or JSON script (see docs/scripted-model.md)", ExitCodes.NotFound);
        }
        return Parse(await File.ReadAllTextAsync(path, ct), path);
    }

    /// <summary>Parses and validates script text; <paramref name="source"/> names it in errors.</summary>
    public static ScriptDocument Parse(string text, string source)
    {
        JsonNode? json;
        try
        {
            json = YamlToJson(text);
        }
        catch (YamlException e)
        {
            throw new SmoothException($"{source}: line {e.Start.Line}: {e.Message}", "fix the YAML syntax (see docs/scripted-model.md)", ExitCodes.BadInput);
        }
        ScriptDocument? doc;
        try
        {
            doc = json is null ? null : JsonSerializer.Deserialize(json, ScriptJsonContext.Default.ScriptDocument);
        }
        catch (JsonException e)
        {
            var message = e.Message;
            var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
            throw new SmoothException($"{source}: {e.Path ?? "$"}: {(cut > 0 ? message[..cut] : message)}", "fix the field named above (see docs/scripted-model.md)", ExitCodes.BadInput, e);
        }
        if (doc is null)
        {
            throw new SmoothException($"{source}: $: the script is empty", "a script is an object with a 'turns' list (see docs/scripted-model.md)", ExitCodes.BadInput);
        }
        var errors = Validate(doc);
        if (errors.Count > 0)
        {
            throw new SmoothException($"{source} is not a valid script:\n  " + string.Join("\n  ", errors), "fix the fields named above (see docs/scripted-model.md)", ExitCodes.BadInput);
        }
        return doc;
    }

    private static List<string> Validate(ScriptDocument doc)
    {
        var errors = new List<string>();
        if (doc.Turns.Count == 0)
        {
            errors.Add("$.turns: the script has no turns");
        }
        for (var i = 0; i < doc.Turns.Count; i++)
        {
            var turn = doc.Turns[i];
            var at = $"$.turns[{i}]";
            if (turn is null)
            {
                errors.Add($"{at}: must be an object");
                continue;
            }
            if (turn.Respond is null && turn.Fault?.Status is null)
            {
                errors.Add($"{at}: needs 'respond' (or a 'fault' with a status)");
            }
            if (turn.Fault is { } f)
            {
                if (f.Status is { } s && (s < 400 || s > 599)) errors.Add($"{at}.fault.status: {s} is not an HTTP error status (400-599)");
                if (f.DelayMs is < 0 or > 600_000) errors.Add($"{at}.fault.delay_ms: must be between 0 and 600000");
                if (f.CutStreamAfter is < 0) errors.Add($"{at}.fault.cut_stream_after: must not be negative");
            }
            if (turn.Expect?.LastUserMatches is { } pattern)
            {
                try
                {
                    _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
                }
                catch (ArgumentException e)
                {
                    errors.Add($"{at}.expect.last_user_matches: not a valid regex: {e.Message}");
                }
            }
            if (turn.Expect?.LastRole is { } role && role is not ("user" or "assistant" or "tool" or "system"))
            {
                errors.Add($"{at}.expect.last_role: '{role}' is not one of user, assistant, tool, system");
            }
            var calls = turn.Respond?.ToolCalls ?? [];
            for (var c = 0; c < calls.Count; c++)
            {
                if (string.IsNullOrEmpty(calls[c]?.Name))
                {
                    errors.Add($"{at}.respond.tool_calls[{c}].name: missing");
                }
                if (calls[c]?.Arguments is { ValueKind: not (JsonValueKind.Object or JsonValueKind.String) })
                {
                    errors.Add($"{at}.respond.tool_calls[{c}].arguments: must be an object or a string");
                }
            }
        }
        return errors;
    }

    /// <summary>Converts a YAML document to a JSON tree; plain scalars become numbers, booleans and null where they look like them.</summary>
    internal static JsonNode? YamlToJson(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return stream.Documents.Count == 0 ? null : Convert(stream.Documents[0].RootNode);
    }

    private static JsonNode? Convert(YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode map:
                var obj = new JsonObject();
                foreach (var (k, v) in map.Children)
                {
                    obj[((YamlScalarNode)k).Value ?? ""] = Convert(v);
                }
                return obj;
            case YamlSequenceNode seq:
                var arr = new JsonArray();
                foreach (var item in seq.Children)
                {
                    arr.Add(Convert(item));
                }
                return arr;
            case YamlScalarNode scalar:
                var value = scalar.Value ?? "";
                if (scalar.Style is ScalarStyle.Plain)
                {
                    if (value is "" or "~" or "null" or "Null" or "NULL") return null;
                    if (value is "true" or "True" or "TRUE") return JsonValue.Create(true);
                    if (value is "false" or "False" or "FALSE") return JsonValue.Create(false);
                    if (long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)) return JsonValue.Create(l);
                    if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && value.Any(char.IsDigit)) return JsonValue.Create(d);
                }
                return JsonValue.Create(value);
            default:
                return null;
        }
    }
}
