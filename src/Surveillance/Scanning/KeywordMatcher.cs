using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Smooth.Surveillance.Scanning;

/// <summary>
/// Finds every occurrence of many ASCII keywords at once, case-insensitively, in one pass over the text
/// (an Aho-Corasick automaton flattened into a table over the characters the keywords use).
/// </summary>
internal sealed class KeywordMatcher
{
    private readonly byte[] _classOf = new byte[128];
    private readonly int _classes;
    private readonly int[] _next;
    private readonly int[][] _outputs;
    private readonly int _maxLength;

    public KeywordMatcher(IReadOnlyList<string> keywords)
    {
        Keywords = keywords;
        _maxLength = Math.Max(1, keywords.Count == 0 ? 1 : keywords.Max(k => k.Length));
        var alphabet = new List<char>();
        foreach (var k in keywords)
        {
            foreach (var ch in k)
            {
                var c = Fold(ch);
                if (c < 128 && c != 0 && _classOf[c] == 0)
                {
                    alphabet.Add(c);
                    _classOf[c] = (byte)alphabet.Count; // class 0 is "not in any keyword"
                }
            }
        }
        if (alphabet.Count > 254) throw new ArgumentException("keywords use too many distinct characters");
        _classes = alphabet.Count + 1;

        // Trie.
        var children = new List<Dictionary<int, int>> { new() };
        var outputs = new List<List<int>> { new() };
        for (var i = 0; i < keywords.Count; i++)
        {
            var state = 0;
            foreach (var ch in keywords[i])
            {
                var cls = _classOf[Fold(ch)];
                if (!children[state].TryGetValue(cls, out var child))
                {
                    child = children.Count;
                    children.Add(new());
                    outputs.Add(new());
                    children[state][cls] = child;
                }
                state = child;
            }
            outputs[state].Add(i);
        }

        // Failure links, breadth first, folded into a full transition table. Entries are premultiplied row offsets
        // (state * classes), negated when the target state ends a keyword, so the hot loop does no multiply and one sign test.
        var next = new int[children.Count * _classes];
        var fail = new int[children.Count];
        var queue = new Queue<int>();
        for (var cls = 0; cls < _classes; cls++)
        {
            if (children[0].TryGetValue(cls, out var s))
            {
                next[cls] = s;
                fail[s] = 0;
                queue.Enqueue(s);
            }
        }
        while (queue.Count > 0)
        {
            var state = queue.Dequeue();
            outputs[state].AddRange(outputs[fail[state]]);
            for (var cls = 0; cls < _classes; cls++)
            {
                if (children[state].TryGetValue(cls, out var s))
                {
                    fail[s] = next[fail[state] * _classes + cls];
                    next[state * _classes + cls] = s;
                    queue.Enqueue(s);
                }
                else
                {
                    next[state * _classes + cls] = next[fail[state] * _classes + cls];
                }
            }
        }
        _outputs = new int[children.Count][];
        for (var st = 0; st < children.Count; st++)
        {
            _outputs[st] = outputs[st].Distinct().ToArray();
        }
        _next = new int[next.Length];
        for (var i = 0; i < next.Length; i++)
        {
            var target = next[i];
            _next[i] = _outputs[target].Length > 0 ? -(target * _classes) - 1 : target * _classes;
        }
        // Upper-case ASCII letters share their lower-case class, so the loop needs no case folding.
        for (var c = 'A'; c <= 'Z'; c++) _classOf[c] = _classOf[c | 0x20];
    }

    /// <summary>The keywords, by index.</summary>
    public IReadOnlyList<string> Keywords { get; }

    /// <summary>Calls <paramref name="onHit"/> with (keyword index, index of the keyword's last character) for every occurrence, in order.</summary>
    public void Scan<TState>(ReadOnlySpan<char> text, ref TState state, HitHandler<TState> onHit)
    {
        if (text.Length < MinSplit || text.Length < 8 * _maxLength)
        {
            ScanRange(text, 0, 0, text.Length, ref state, onHit);
            return;
        }
        ScanSplit(text, ref state, onHit);
    }

    /// <summary>Shorter texts are walked in one piece.</summary>
    internal const int MinSplit = 2048;

    /// <summary>The same hits as <see cref="Scan{TState}"/>, from one walk over the whole text (the reference for tests).</summary>
    internal void ScanInOneWalk<TState>(ReadOnlySpan<char> text, ref TState state, HitHandler<TState> onHit) =>
        ScanRange(text, 0, 0, text.Length, ref state, onHit);

    // The walk from `row` over text[from..to): each step waits for the table load of the step before, so one walk
    // leaves most of the CPU idle.
    private int ScanRange<TState>(ReadOnlySpan<char> text, int row, int from, int to, ref TState state, HitHandler<TState> onHit)
    {
        ref var classOf = ref MemoryMarshal.GetArrayDataReference(_classOf);
        ref var next = ref MemoryMarshal.GetArrayDataReference(_next);
        for (var i = from; i < to; i++)
        {
            var c = text[i];
            int cls = c < 128 ? Unsafe.Add(ref classOf, c) : 0;
            var t = Unsafe.Add(ref next, row + cls);
            if (t >= 0)
            {
                row = t;
                continue;
            }
            row = -t - 1;
            foreach (var k in _outputs[row / _classes]) onHit(ref state, k, i);
        }
        return row;
    }

    // Four walks at once, one per quarter of the text: independent chains of loads that the CPU overlaps. Each walk
    // after the first starts from the root one keyword length before its quarter, so from the quarter's start on it is
    // in the state a walk from the start would be in (no keyword reaches further back); hits a walk finds before its
    // quarter are the previous walk's to report, and its own wait until the quarters before it are out.
    private void ScanSplit<TState>(ReadOnlySpan<char> text, ref TState state, HitHandler<TState> onHit)
    {
        ref var classOf = ref MemoryMarshal.GetArrayDataReference(_classOf);
        ref var next = ref MemoryMarshal.GetArrayDataReference(_next);
        ref var chars = ref MemoryMarshal.GetReference(text);
        var quarter = text.Length / 4;
        var back = _maxLength - 1;
        // Walk w starts at start{w} and reports from its quarter's start q{w} on.
        int q1 = quarter, q2 = 2 * quarter, q3 = 3 * quarter;
        int s1 = q1 - back, s2 = q2 - back, s3 = q3 - back;
        // The three walks' held hits, reused from the previous scan on this thread (a scan allocated them afresh, with
        // their growing arrays, on every 64 KiB text); a walk that starts while another is under way gets new ones.
        var pendings = _sparePendings ?? [new Pending(), new Pending(), new Pending()];
        _sparePendings = null;
        var (pending1, pending2, pending3) = (pendings[0], pendings[1], pendings[2]);
        int row0 = 0, row1 = 0, row2 = 0, row3 = 0;
        for (var i = 0; i < quarter; i++)
        {
            var c0 = Unsafe.Add(ref chars, i);
            var c1 = Unsafe.Add(ref chars, s1 + i);
            var c2 = Unsafe.Add(ref chars, s2 + i);
            var c3 = Unsafe.Add(ref chars, s3 + i);
            var t0 = Unsafe.Add(ref next, row0 + (c0 < 128 ? Unsafe.Add(ref classOf, c0) : 0));
            var t1 = Unsafe.Add(ref next, row1 + (c1 < 128 ? Unsafe.Add(ref classOf, c1) : 0));
            var t2 = Unsafe.Add(ref next, row2 + (c2 < 128 ? Unsafe.Add(ref classOf, c2) : 0));
            var t3 = Unsafe.Add(ref next, row3 + (c3 < 128 ? Unsafe.Add(ref classOf, c3) : 0));
            if ((t0 | t1 | t2 | t3) >= 0)
            {
                row0 = t0;
                row1 = t1;
                row2 = t2;
                row3 = t3;
                continue;
            }
            row0 = Step(t0, i, 0, ref state, onHit, null);
            row1 = Step(t1, s1 + i, q1, ref state, onHit, pending1);
            row2 = Step(t2, s2 + i, q2, ref state, onHit, pending2);
            row3 = Step(t3, s3 + i, q3, ref state, onHit, pending3);
        }
        pending1.Deliver(ref state, onHit);
        ScanRange(text, row1, s1 + quarter, q2, ref state, onHit);
        pending2.Deliver(ref state, onHit);
        ScanRange(text, row2, s2 + quarter, q3, ref state, onHit);
        pending3.Deliver(ref state, onHit);
        ScanRange(text, row3, s3 + quarter, text.Length, ref state, onHit);
        foreach (var p in pendings) p.Clear();
        _sparePendings = pendings;
    }

    [ThreadStatic]
    private static Pending[]? _sparePendings;

    // One step's target: the row to go on from, after reporting (or keeping for later) the keywords that end here.
    private int Step<TState>(int target, int at, int reportFrom, ref TState state, HitHandler<TState> onHit, Pending? pending)
    {
        if (target >= 0) return target;
        var row = -target - 1;
        if (at < reportFrom) return row;
        foreach (var k in _outputs[row / _classes])
        {
            if (pending is null) onHit(ref state, k, at);
            else pending.Add(k, at);
        }
        return row;
    }

    // Hits of a later walk, held until the walks before it have reported theirs.
    private sealed class Pending
    {
        private int[] _items = [];
        private int _count;

        public void Add(int keyword, int at)
        {
            if (_count + 2 > _items.Length) Array.Resize(ref _items, Math.Max(64, _items.Length * 2));
            _items[_count++] = keyword;
            _items[_count++] = at;
        }

        public void Deliver<TState>(ref TState state, HitHandler<TState> onHit)
        {
            for (var p = 0; p < _count; p += 2) onHit(ref state, _items[p], _items[p + 1]);
        }

        public void Clear() => _count = 0;
    }

    private static void Grow(ref int[] buffer)
    {
        var bigger = ArrayPool<int>.Shared.Rent(buffer.Length * 2);
        buffer.AsSpan().CopyTo(bigger);
        ArrayPool<int>.Shared.Return(buffer);
        buffer = bigger;
    }

    /// <summary>Receives one keyword hit.</summary>
    public delegate void HitHandler<TState>(ref TState state, int keyword, int lastCharIndex);

    private static char Fold(char c) => c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c;
}
