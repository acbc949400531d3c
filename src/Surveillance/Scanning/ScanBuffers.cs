namespace Smooth.Surveillance.Scanning;

/// <summary>
/// The per-rule window lists of one running scan, kept per thread and reused by the next scan. A scan can start
/// another while it runs (a decoded payload is scanned from inside the scan that found it), so each thread keeps a
/// small stack of them: <see cref="Rent"/> takes the next free one, <see cref="Return"/> clears it for reuse.
/// </summary>
internal sealed class ScanBuffers
{
    [ThreadStatic]
    private static List<ScanBuffers>? _stack;

    [ThreadStatic]
    private static int _depth;

    // Lists cleared by Return, handed out again by Open.
    private readonly Stack<List<(int Start, int End)>> _spare = new();

    // The rules whose windows were opened, so that Return touches only those.
    private readonly List<int> _opened = [];

    private ScanBuffers(int rules) => Windows = new List<(int, int)>?[rules];

    /// <summary>Per rule index: its windows in this scan, or null when it has none.</summary>
    public List<(int Start, int End)>?[] Windows { get; private set; }

    /// <summary>A cleared set of buffers for a scan over <paramref name="rules"/> rules, free until <see cref="Return"/>.</summary>
    public static ScanBuffers Rent(int rules)
    {
        var stack = _stack ??= [];
        if (_depth == stack.Count) stack.Add(new ScanBuffers(rules));
        var buffers = stack[_depth++];
        // Another rule set (a hot reload) may have more or fewer rules.
        if (buffers.Windows.Length != rules) buffers.Windows = new List<(int, int)>?[rules];
        return buffers;
    }

    /// <summary>Rule <paramref name="rule"/>'s window list, empty; it has windows from now on.</summary>
    public List<(int Start, int End)> Open(int rule)
    {
        var list = _spare.Count > 0 ? _spare.Pop() : [];
        Windows[rule] = list;
        _opened.Add(rule);
        return list;
    }

    /// <summary>Clears the windows of this scan and frees the buffers for the next scan on this thread.</summary>
    public void Return()
    {
        foreach (var r in _opened)
        {
            var list = Windows[r]!;
            Windows[r] = null;
            list.Clear();
            _spare.Push(list);
        }
        _opened.Clear();
        _depth--;
    }
}
