using System.Text.Json;

namespace Smooth.Operator.Tools.Files;

/// <summary><c>write_file</c>: creates or replaces a file (parent directories are created).</summary>
public sealed class WriteFileTool : ITool
{
    /// <inheritdoc />
    public string Name => "write_file";
    /// <inheritdoc />
    public string Description => "Create or overwrite a file in the workspace with the given content.";
    /// <inheritdoc />
    public string ParametersSchema => """{"type":"object","properties":{"path":{"type":"string"},"content":{"type":"string"}},"required":["path","content"]}""";
    /// <inheritdoc />
    public bool ReadOnly => false;

    /// <inheritdoc />
    public async Task<string> InvokeAsync(JsonElement arguments, ToolContext context, CancellationToken ct)
    {
        var path = Args.String(arguments, "path");
        var content = Args.String(arguments, "content");
        var full = context.Workspace.Resolve(path);
        if (Directory.Exists(full)) throw new ToolException($"'{path}' is a directory");
        var existed = File.Exists(full);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        await File.WriteAllTextAsync(full, content, ct);
        return $"{(existed ? "overwrote" : "created")} {context.Workspace.Relative(full)} ({content.Length} chars)";
    }
}
