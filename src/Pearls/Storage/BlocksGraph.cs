namespace Smooth.Pearls.Storage;

/// <summary>Cycle finding over 'blocks' edges, iteratively (deep chains must not overflow the stack).</summary>
internal static class BlocksGraph
{
    /// <summary>The edges of one cycle, or null when the graph is acyclic.</summary>
    public static IReadOnlyList<(string From, string To)>? FindCycle(IReadOnlyList<(string From, string To)> edges)
    {
        var next = edges.GroupBy(e => e.From, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(e => e.To).ToArray(), StringComparer.Ordinal);
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1 = on the current path, 2 = done
        foreach (var start in next.Keys)
        {
            if (state.ContainsKey(start)) continue;
            var path = new List<string>();
            var stack = new Stack<(string Node, int Index)>();
            stack.Push((start, 0));
            state[start] = 1;
            path.Add(start);
            while (stack.Count > 0)
            {
                var (node, index) = stack.Pop();
                var targets = next.GetValueOrDefault(node) ?? [];
                if (index < targets.Length)
                {
                    stack.Push((node, index + 1));
                    var t = targets[index];
                    var s = state.GetValueOrDefault(t);
                    if (s == 1)
                    {
                        var at = path.IndexOf(t);
                        var cycle = new List<(string, string)>();
                        for (var i = at; i < path.Count - 1; i++) cycle.Add((path[i], path[i + 1]));
                        cycle.Add((node, t));
                        return cycle;
                    }
                    if (s == 0)
                    {
                        state[t] = 1;
                        path.Add(t);
                        stack.Push((t, 0));
                    }
                }
                else
                {
                    state[node] = 2;
                    path.RemoveAt(path.Count - 1);
                }
            }
        }
        return null;
    }
}
