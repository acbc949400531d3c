using System.Text.Json;

namespace Smooth.Operator.Tools.Files;

/// <summary><c>edit_file</c>: exact text replacement, refusing ambiguous edits unless asked to replace all.</summary>
public sealed class EditFileTool : ITool
{
    /// <inheritdoc />
    public string Name => "edit_file";
    /// <inheritdoc />
    public string Description => "Replace exact text in a file. 'old' must occur exactly once unless replace_all is true; include enough context to make it unique.";
    /// <inheritdoc />
    public string ParametersSchema => """{"type":"object","properties":{"path":{"type":"string"},"old":{"type":"string"},"new":{"type":"string"},"replace_all":{"type":"boolean"}},"required":["path","old","new"]}""";
    /// <inheritdoc />
    public bool ReadOnly => false;

    /// <inheritdoc />
    public async Task<string> InvokeAsync(JsonElement arguments, ToolContext context, CancellationToken ct)
    {
        var path = Args.String(arguments, "path");
        var oldText = Args.String(arguments, "old");
        var newText = Args.String(arguments, "new");
        var all = Args.OptionalBool(arguments, "replace_all");
        if (oldText.Length == 0) throw new ToolException("'old' is empty; to create a file use write_file");
        var full = context.Workspace.Resolve(path);
        if (!File.Exists(full)) throw new ToolException($"no such file: {path}");
        var text = await File.ReadAllTextAsync(full, ct);
        var count = Count(text, oldText);
        if (count == 0) throw new ToolException($"'old' was not found in {path}; read the file again and copy the text exactly (whitespace included)");
        if (count > 1 && !all) throw new ToolException($"'old' occurs {count} times in {path}; add surrounding lines to make it unique, or set replace_all");
        var updated = all ? text.Replace(oldText, newText, StringComparison.Ordinal) : ReplaceFirst(text, oldText, newText);
        await File.WriteAllTextAsync(full, updated, ct);
        return count == 1 ? $"edited {path}: 1 replacement" : $"edited {path}: {count} replacements";
    }

    private static int Count(string text, string find)
    {
        var n = 0;
        for (var i = text.IndexOf(find, StringComparison.Ordinal); i >= 0; i = text.IndexOf(find, i + find.Length, StringComparison.Ordinal)) n++;
        return n;
    }

    private static string ReplaceFirst(string text, string find, string with)
    {
        var i = text.IndexOf(find, StringComparison.Ordinal);
        return string.Concat(text.AsSpan(0, i), with, text.AsSpan(i + find.Length));
    }
}
