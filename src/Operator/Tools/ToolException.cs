namespace Smooth.Operator.Tools;

/// <summary>A tool failure the model should read and can act on (bad arguments, file not found, no match).</summary>
public sealed class ToolException(string message) : Exception(message);
