using System.Text.Json;

namespace Smooth.Operator.Tools.Crew;

/// <summary><c>pearls_create</c>: files a sub-pearl of the operator's pearl (it joins the queue).</summary>
public sealed class PearlCreateTool : ITool
{
    /// <inheritdoc />
    public string Name => "pearls_create";
    /// <inheritdoc />
    public string Description => "File a sub-pearl (a follow-up work item) under your pearl, for work outside this task.";
    /// <inheritdoc />
    public string ParametersSchema => """{"type":"object","properties":{"title":{"type":"string"},"description":{"type":"string"},"priority":{"type":"integer","minimum":0,"maximum":4}},"required":["title"]}""";
    /// <inheritdoc />
    public bool ReadOnly => false;

    /// <inheritdoc />
    public async Task<string> InvokeAsync(JsonElement arguments, ToolContext context, CancellationToken ct)
    {
        var id = await context.Crew.CreateSubPearlAsync(Args.String(arguments, "title"), Args.OptionalString(arguments, "description") ?? "",
            Args.OptionalInt(arguments, "priority", 0, 4) ?? 2, ct);
        return $"filed {id}";
    }
}
