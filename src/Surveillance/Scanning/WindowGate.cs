using System.Text.RegularExpressions;

namespace Smooth.Surveillance.Scanning;

/// <summary>
/// The shared first look of gated rules (<see cref="Rules.RuleSpec.Gate"/>): whether the joined pattern of a gate
/// matches in a span, asked once per span and scan however many of its rules read that span. A span where it does
/// not match holds no match of any of them.
/// </summary>
internal sealed class WindowGate
{
    private readonly Dictionary<(Regex Gate, int From, int To), bool> _seen = [];

    /// <summary>True when a rule behind <paramref name="gate"/> can match in <paramref name="text"/>[<paramref name="from"/>..<paramref name="to"/>).</summary>
    public bool Open(Regex gate, string text, int from, int to)
    {
        if (_seen.TryGetValue((gate, from, to), out var open)) return open;
        open = gate.IsMatch(text.AsSpan(from, to - from));
        _seen[(gate, from, to)] = open;
        return open;
    }
}
