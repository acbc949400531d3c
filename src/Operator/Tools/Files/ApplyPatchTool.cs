using System.Text.Json;
using Smooth.Core.Processes;

namespace Smooth.Operator.Tools.Files;

/// <summary><c>apply_patch</c>: applies a unified diff to the workspace, all or nothing.</summary>
public sealed class ApplyPatchTool : ITool
{
    /// <inheritdoc />
    public string Name => "apply_patch";
    /// <inheritdoc />
    public string Description => "Apply a unified diff (git diff format, paths relative to the workspace root with a/ b/ prefixes) to the workspace. Either every hunk applies or nothing changes.";
    /// <inheritdoc />
    public string ParametersSchema => """{"type":"object","properties":{"patch":{"type":"string"}},"required":["patch"]}""";
    /// <inheritdoc />
    public bool ReadOnly => false;

    /// <inheritdoc />
    public async Task<string> InvokeAsync(JsonElement arguments, ToolContext context, CancellationToken ct)
    {
        var patch = Args.String(arguments, "patch");
        if (!patch.EndsWith('\n')) patch += "\n";
        var paths = PatchPaths.Extract(patch);
        if (paths.Count == 0) throw new ToolException("the patch names no files; send a unified diff with ---/+++ headers");
        foreach (var p in paths)
        {
            var full = context.Workspace.Resolve(p);
            var rel = context.Workspace.Relative(full);
            if (rel == ".git" || rel.StartsWith(".git/", StringComparison.Ordinal)) throw new ToolException($"the patch touches '{p}' inside .git; that is not allowed");
        }
        // git apply checks every hunk before writing anything (atomic) and refuses paths that leave the tree.
        var args = new List<string> { "apply", "--whitespace=nowarn", "--recount", "-p1", "-" };
        var stripped = !patch.Contains("\n--- a/", StringComparison.Ordinal) && !patch.StartsWith("--- a/", StringComparison.Ordinal) && !patch.Contains("diff --git", StringComparison.Ordinal);
        if (stripped) args[3] = "-p0";
        var result = await ProcessRunner.RunAsync("git", args, new ProcessOptions
        {
            WorkingDirectory = context.Workspace.Root,
            StandardInput = patch,
            Environment = new Dictionary<string, string?> { ["GIT_CONFIG_NOSYSTEM"] = "1", ["GIT_CONFIG_GLOBAL"] = "/dev/null" },
            Timeout = TimeSpan.FromSeconds(60),
        }, ct);
        if (!result.Succeeded) throw new ToolException($"the patch does not apply; nothing was changed:\n{result.StandardError.Trim()}");
        return $"applied the patch to {paths.Count} file(s): {string.Join(", ", paths)}";
    }
}
