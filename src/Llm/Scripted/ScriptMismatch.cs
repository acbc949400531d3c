namespace Smooth.Llm.Scripted;

/// <summary>A conversation that departed from the script: which turn, which check, and the expected/actual diff.</summary>
/// <param name="Turn">The turn (0-based).</param>
/// <param name="Check">The check that failed (for example <c>last_tool_result_contains</c>).</param>
/// <param name="Expected">What the script wanted.</param>
/// <param name="Actual">What arrived.</param>
public sealed record ScriptMismatch(int Turn, string Check, string Expected, string Actual)
{
    /// <summary>The diff-style explanation sent in the HTTP 422 body and logged.</summary>
    public string Describe(string? scriptName) =>
        $"script {(scriptName is null ? "" : $"'{scriptName}' ")}mismatch at turn {Turn + 1}, check {Check}:\n- expected: {Expected}\n+ actual:   {Actual}";
}
