using System.Text.Json;

namespace Smooth.Operator.Tools;

/// <summary>One tool the model may call. Tools are only ever invoked through the hook pipeline.</summary>
public interface ITool
{
    /// <summary>The name the model uses.</summary>
    string Name { get; }

    /// <summary>What it does, for the model.</summary>
    string Description { get; }

    /// <summary>Its parameters as a JSON schema object.</summary>
    string ParametersSchema { get; }

    /// <summary>True when it changes nothing, so several such calls may run at once.</summary>
    bool ReadOnly { get; }

    /// <summary>Runs the call. Expected failures are thrown as <see cref="ToolException"/> (the model reads the message).</summary>
    Task<string> InvokeAsync(JsonElement arguments, ToolContext context, CancellationToken ct);
}
