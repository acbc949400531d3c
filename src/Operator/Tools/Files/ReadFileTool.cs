using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Smooth.Operator.Tools.Files;

/// <summary><c>read_file</c>: a text file's lines, numbered, from an offset, up to a limit.</summary>
public sealed class ReadFileTool : ITool
{
    /// <inheritdoc />
    public string Name => "read_file";
    /// <inheritdoc />
    public string Description => "Read a text file of the workspace. Lines come numbered; use offset (1-based line) and limit to page through big files.";
    /// <inheritdoc />
    public string ParametersSchema => """{"type":"object","properties":{"path":{"type":"string"},"offset":{"type":"integer","minimum":1},"limit":{"type":"integer","minimum":1}},"required":["path"]}""";
    /// <inheritdoc />
    public bool ReadOnly => true;

    /// <inheritdoc />
    public async Task<string> InvokeAsync(JsonElement arguments, ToolContext context, CancellationToken ct)
    {
        var path = Args.String(arguments, "path");
        var offset = Args.OptionalInt(arguments, "offset", 1, int.MaxValue) ?? 1;
        var limit = Args.OptionalInt(arguments, "limit", 1, 100_000) ?? 2000;
        var full = context.Workspace.Resolve(path);
        if (Directory.Exists(full)) throw new ToolException($"'{path}' is a directory; use list_files");
        if (!File.Exists(full)) throw new ToolException($"no such file: {path}");
        var sb = new StringBuilder();
        var line = 0;
        var shown = 0;
        using var reader = new StreamReader(full, Encoding.UTF8);
        while (await reader.ReadLineAsync(ct) is { } text)
        {
            line++;
            if (line < offset) continue;
            if (shown == limit)
            {
                sb.Append(CultureInfo.InvariantCulture, $"… more lines follow; continue with offset {line}\n");
                break;
            }
            if (text.Contains('\0')) throw new ToolException($"'{path}' looks binary; read_file only shows text");
            sb.Append(CultureInfo.InvariantCulture, $"{line,6}\t{text}\n");
            shown++;
        }
        if (line == 0) return $"({path} is empty)";
        if (shown == 0) return $"({path} has {line} lines; offset {offset} is past the end)";
        return sb.ToString();
    }
}
