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
        if (text.Length < MinSplit || text.Length < 4 * _maxLength)
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

    // Two walks at once, over the first half and the second: independent chains of loads that the CPU overlaps. The
    // second starts from the root one keyword length before the middle, so from the middle on it is in the state a
    // walk from the start would be in (no keyword reaches further back); its hits wait until the first half's are out.
    private void ScanSplit<TState>(ReadOnlySpan<char> text, ref TState state, HitHandler<TState> onHit)
    {
        ref var classOf = ref MemoryMarshal.GetArrayDataReference(_classOf);
        ref var next = ref MemoryMarshal.GetArrayDataReference(_next);
        ref var chars = ref MemoryMarshal.GetReference(text);
        var mid = text.Length / 2;
        var second = mid - (_maxLength - 1);
        var pending = ArrayPool<int>.Shared.Rent(256);
        var count = 0;
        int rowA = 0, rowB = 0;
        for (var i = 0; i < mid; i++)
        {
            var ca = Unsafe.Add(ref chars, i);
            var cb = Unsafe.Add(ref chars, second + i);
            var ta = Unsafe.Add(ref next, rowA + (ca < 128 ? Unsafe.Add(ref classOf, ca) : 0));
            var tb = Unsafe.Add(ref next, rowB + (cb < 128 ? Unsafe.Add(ref classOf, cb) : 0));
            if ((ta | tb) >= 0)
            {
                rowA = ta;
                rowB = tb;
                continue;
            }
            if (ta >= 0)
            {
                rowA = ta;
            }
            else
            {
                rowA = -ta - 1;
                foreach (var k in _outputs[rowA / _classes]) onHit(ref state, k, i);
            }
            if (tb >= 0)
            {
                rowB = tb;
            }
            else
            {
                rowB = -tb - 1;
                if (second + i < mid) continue; // the first walk reports these
                foreach (var k in _outputs[rowB / _classes])
                {
                    if (count + 2 > pending.Length) Grow(ref pending);
                    pending[count++] = k;
                    pending[count++] = second + i;
                }
            }
        }
        for (var p = 0; p < count; p += 2) onHit(ref state, pending[p], pending[p + 1]);
        ArrayPool<int>.Shared.Return(pending);
        ScanRange(text, rowB, second + mid, text.Length, ref state, onHit);
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
