using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Smooth.Operator.Tools.Files;

/// <summary><c>grep</c>: a regular expression over workspace files, with include globs.</summary>
public sealed class GrepTool : ITool
{
    private const int MaxMatches = 500;

    /// <inheritdoc />
    public string Name => "grep";
    /// <inheritdoc />
    public string Description => "Search workspace files for a regular expression. Returns path:line: text. Narrow with include globs (e.g. [\"*.cs\"]).";
    /// <inheritdoc />
    public string ParametersSchema => """{"type":"object","properties":{"pattern":{"type":"string"},"include":{"type":"array","items":{"type":"string"}},"ignore_case":{"type":"boolean"}},"required":["pattern"]}""";
    /// <inheritdoc />
    public bool ReadOnly => true;

    /// <inheritdoc />
    public async Task<string> InvokeAsync(JsonElement arguments, ToolContext context, CancellationToken ct)
    {
        var pattern = Args.String(arguments, "pattern");
        Regex regex;
        try
        {
            // Non-backtracking: no pattern the model writes can stall the operator.
            regex = new Regex(pattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant
                | (Args.OptionalBool(arguments, "ignore_case") ? RegexOptions.IgnoreCase : RegexOptions.None));
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            throw new ToolException($"invalid regular expression: {e.Message}");
        }
        var includes = new List<Regex>();
        if (arguments.TryGetProperty("include", out var inc) && inc.ValueKind == JsonValueKind.Array)
        {
            foreach (var g in inc.EnumerateArray())
            {
                includes.Add(Glob.Compile(g.GetString() ?? throw new ToolException("include globs must be strings")));
            }
        }
        var sb = new StringBuilder();
        var matches = 0;
        foreach (var file in WorkspaceWalk.Files(context.Workspace.Root))
        {
            if (includes.Count > 0 && !includes.Any(g => g.IsMatch(file))) continue;
            var full = Path.Combine(context.Workspace.Root, file);
            if (new FileInfo(full).Length > 4 << 20) continue;
            var lineNo = 0;
            using var reader = new StreamReader(full, Encoding.UTF8);
            while (await reader.ReadLineAsync(ct) is { } line)
            {
                lineNo++;
                if (line.Contains('\0')) break;
                if (!regex.IsMatch(line)) continue;
                if (++matches > MaxMatches)
                {
                    sb.Append("… more matches; narrow the pattern or the include globs\n");
                    return sb.ToString();
                }
                sb.Append(CultureInfo.InvariantCulture, $"{file}:{lineNo}: {(line.Length > 300 ? line[..300] + "…" : line)}\n");
            }
        }
        return matches == 0 ? "(no matches)" : sb.ToString();
    }
}
