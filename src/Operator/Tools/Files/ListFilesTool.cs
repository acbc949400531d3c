using System.Text;
using System.Text.Json;

namespace Smooth.Operator.Tools.Files;

/// <summary><c>list_files</c>: workspace files matching a glob.</summary>
public sealed class ListFilesTool : ITool
{
    private const int MaxResults = 1000;

    /// <inheritdoc />
    public string Name => "list_files";
    /// <inheritdoc />
    public string Description => "List workspace files matching a glob (default **/*), e.g. src/**/*.cs or *.md. .git is skipped.";
    /// <inheritdoc />
    public string ParametersSchema => """{"type":"object","properties":{"pattern":{"type":"string"},"path":{"type":"string","description":"directory to search (default: workspace root)"}}}""";
    /// <inheritdoc />
    public bool ReadOnly => true;

    /// <inheritdoc />
    public Task<string> InvokeAsync(JsonElement arguments, ToolContext context, CancellationToken ct)
    {
        var glob = Glob.Compile(Args.OptionalString(arguments, "pattern") ?? "**/*");
        var dir = context.Workspace.Resolve(Args.OptionalString(arguments, "path") ?? ".");
        if (!Directory.Exists(dir)) throw new ToolException($"no such directory: {Args.OptionalString(arguments, "path")}");
        var sb = new StringBuilder();
        var n = 0;
        foreach (var f in WorkspaceWalk.Files(dir))
        {
            ct.ThrowIfCancellationRequested();
            if (!glob.IsMatch(f)) continue;
            if (++n > MaxResults)
            {
                sb.Append("… more files match; narrow the pattern\n");
                break;
            }
            sb.Append(context.Workspace.Relative(Path.Combine(dir, f))).Append('\n');
        }
        return Task.FromResult(n == 0 ? "(no files match)" : sb.ToString());
    }
}
