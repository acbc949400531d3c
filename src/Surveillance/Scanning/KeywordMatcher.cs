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
                if (c < 128 && _classOf[c] == 0)
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
                if (!children[state].TryGetValue(cls, out var next))
                {
                    next = children.Count;
                    children.Add(new());
                    outputs.Add(new());
                    children[state][cls] = next;
                }
                state = next;
            }
            outputs[state].Add(i);
        }

        // Failure links, breadth first, folded into a full transition table.
        _next = new int[children.Count * _classes];
        var fail = new int[children.Count];
        var queue = new Queue<int>();
        for (var cls = 0; cls < _classes; cls++)
        {
            if (children[0].TryGetValue(cls, out var s))
            {
                _next[cls] = s;
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
                    fail[s] = _next[fail[state] * _classes + cls];
                    _next[state * _classes + cls] = s;
                    queue.Enqueue(s);
                }
                else
                {
                    _next[state * _classes + cls] = _next[fail[state] * _classes + cls];
                }
            }
        }
        _outputs = outputs.Select(o => o.Count == 0 ? null! : o.Distinct().ToArray()).ToArray();
    }

    /// <summary>The keywords, by index.</summary>
    public IReadOnlyList<string> Keywords { get; }

    /// <summary>Calls <paramref name="onHit"/> with (keyword index, index of the keyword's last character) for every occurrence.</summary>
    public void Scan<TState>(ReadOnlySpan<char> text, ref TState state, HitHandler<TState> onHit)
    {
        var s = 0;
        var classOf = _classOf;
        var next = _next;
        var classes = _classes;
        var outputs = _outputs;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var cls = c < 128 ? classOf[c | (c is >= 'A' and <= 'Z' ? 0x20 : 0)] : 0;
            s = next[s * classes + cls];
            if (outputs[s] is { } hits)
            {
                foreach (var k in hits) onHit(ref state, k, i);
            }
        }
    }

    /// <summary>Receives one keyword hit.</summary>
    public delegate void HitHandler<TState>(ref TState state, int keyword, int lastCharIndex);

    private static char Fold(char c) => c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c;
}
