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

    public KeywordMatcher(IReadOnlyList<string> keywords)
    {
        Keywords = keywords;
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

    /// <summary>Calls <paramref name="onHit"/> with (keyword index, index of the keyword's last character) for every occurrence.</summary>
    public void Scan<TState>(ReadOnlySpan<char> text, ref TState state, HitHandler<TState> onHit)
    {
        ref var classOf = ref MemoryMarshal.GetArrayDataReference(_classOf);
        ref var next = ref MemoryMarshal.GetArrayDataReference(_next);
        var classes = _classes;
        var row = 0;
        for (var i = 0; i < text.Length; i++)
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
            foreach (var k in _outputs[row / classes]) onHit(ref state, k, i);
        }
    }

    /// <summary>Receives one keyword hit.</summary>
    public delegate void HitHandler<TState>(ref TState state, int keyword, int lastCharIndex);

    private static char Fold(char c) => c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c;
}
