using System.Globalization;

namespace Smooth.Operator.Tools.Shell;

/// <summary>Bounds tool output for the model, keeping the head and the tail (errors are usually at the end).</summary>
public static class OutputCap
{
    /// <summary>Returns <paramref name="text"/> or its head and tail around a marker saying how much was left out.</summary>
    public static string Apply(string text, int maxChars)
    {
        if (text.Length <= maxChars) return text;
        var head = maxChars * 2 / 5;
        var tail = maxChars - head;
        var omitted = text.Length - head - tail;
        return string.Concat(text.AsSpan(0, head),
            string.Create(CultureInfo.InvariantCulture, $"\n… {omitted} characters omitted …\n"),
            text.AsSpan(text.Length - tail));
    }
}
