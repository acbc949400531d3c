using System.Globalization;
using System.Text.Json;

namespace Smooth.Operator.Tools.Shell;

/// <summary><c>bash</c>: runs a command in the workspace with a timeout; output capped, head and tail kept.</summary>
public sealed class BashTool : ITool
{
    /// <inheritdoc />
    public string Name => "bash";
    /// <inheritdoc />
    public string Description => "Run a bash command in the workspace. Returns the exit code and the output (stdout and stderr). Processes left running when it ends are killed: use bg_run for servers and watchers.";
    /// <inheritdoc />
    public string ParametersSchema => """{"type":"object","properties":{"command":{"type":"string"},"timeout_seconds":{"type":"integer","minimum":1,"maximum":3600}},"required":["command"]}""";
    /// <inheritdoc />
    public bool ReadOnly => false;

    /// <inheritdoc />
    public async Task<string> InvokeAsync(JsonElement arguments, ToolContext context, CancellationToken ct)
    {
        var command = Args.String(arguments, "command");
        var seconds = Args.OptionalInt(arguments, "timeout_seconds", 1, 3600);
        var timeout = seconds is { } s ? TimeSpan.FromSeconds(s) : context.BashTimeout;
        var result = await ShellRunner.RunAsync(command, context.Workspace.Root, context.CommandEnvironment, timeout, ct);
        var output = OutputCap.Apply(result.Output, context.OutputCapChars);
        var status = result.TimedOut
            ? string.Create(CultureInfo.InvariantCulture, $"timed out after {timeout.TotalSeconds:0}s (killed)")
            : string.Create(CultureInfo.InvariantCulture, $"exit code {result.ExitCode}");
        var text = $"{status}\n{output}";
        if (result.TimedOut || result.ExitCode != 0) throw new ToolException(text);
        return text;
    }
}
