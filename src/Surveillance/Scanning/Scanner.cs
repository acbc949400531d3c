using System.Text.RegularExpressions;
using Smooth.Surveillance.Rules;

namespace Smooth.Surveillance.Scanning;

/// <summary>
/// Runs a <see cref="RuleSet"/> over a text. One keyword pass decides which rules run and where: a rule runs only in
/// windows around its keywords' occurrences (the line, or <see cref="RuleSpec.Reach"/> characters), so text without
/// keywords costs one table-driven pass.
/// </summary>
internal static class Scanner
{
    private const int MaxBack = 256;
    private const int DefaultReach = 1024;
    /// <summary>Marks a line whose secrets are deliberate (test fixtures); applies to secret rules only.</summary>
    internal const string InlineAllowMarker = "narc:allow";

    // The marker as a vectorised search (the same ordinal, case-insensitive match as a Contains on each found secret's line).
    private static readonly System.Buffers.SearchValues<string> InlineAllow =
        System.Buffers.SearchValues.Create([InlineAllowMarker], StringComparison.OrdinalIgnoreCase);

    private struct HitState
    {
        public ScanPlan Plan;
        public IReadOnlyList<CompiledRule> Rules;
        public string Text;
        public List<(int Start, int End)>?[] Windows;
        public ScanBuffers Buffers;
    }

    /// <summary>
    /// Scans <paramref name="text"/>. From <paramref name="parallelFrom"/> characters on (0: never), the learned
    /// scorers and the disguise rescan run on another core while the rules run (see <see cref="SidePass"/>).
    /// </summary>
    public static List<RawMatch> Scan(RuleSet set, string text, ScanScope scope, string? path, Action<CompiledRule>? onTimeout = null, int parallelFrom = 0)
    {
        var rules = set.Rules;
        var plan = set.PlanFor(scope);
        var results = new List<RawMatch>();
        if (plan.Empty || text.Length == 0) return results;
        // Disguised words (invisible characters, look-alike letters, letter spacing, leetspeak, reversed or hex lines):
        // the injection rules run once more over clean copies, their findings mapped back onto the original.
        var rescan = scope.HasFlag(ScanScope.Injection) && !scope.HasFlag(ScanScope.NoDecoding);
        var side = plan.Scorers.Length > 0 || rescan
            ? SidePass.Start(set, plan.Scorers, text, rescan, onTimeout, parallel: parallelFrom > 0 && text.Length >= parallelFrom && Environment.ProcessorCount > 1)
            : null;
        // The window lists are reused from scan to scan (a scan reads them only while it runs): a 64 KiB tool result
        // opens windows for dozens of rules, and their lists were most of what a scan left to the garbage collector.
        var buffers = ScanBuffers.Rent(rules.Count);
        try
        {
            ScanWindows(set, text, path, onTimeout, plan, buffers, results);
        }
        finally
        {
            buffers.Return();
        }
        if (side is not null)
        {
            side.Join();
            AddScorerFindings(rules, plan, text, side, results, onTimeout);
            results.AddRange(side.Disguised);
        }
        results.Sort(ByStartThenSeverity);
        return Dedupe(results);
    }

    private static readonly Comparison<RawMatch> ByStartThenSeverity =
        (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.Rule.Severity.CompareTo(a.Rule.Severity);

    // The keyword pass, the keyword-less rules, then every rule over its windows.
    private static void ScanWindows(RuleSet set, string text, string? path, Action<CompiledRule>? onTimeout,
        ScanPlan plan, ScanBuffers buffers, List<RawMatch> results)
    {
        var rules = set.Rules;
        var state = new HitState
        {
            Plan = plan,
            Rules = rules,
            Text = text,
            Windows = buffers.Windows,
            Buffers = buffers,
        };

        plan.Matcher.Scan(text.AsSpan(), ref state, OnHit);
        bool? anyTrigger = null;
        foreach (var r in plan.AlwaysRun)
        {
            var rule = rules[r];
            if (rule.Spec.Decode is not null && rule.Spec.MinRun is { } minRun)
            {
                var runs = buffers.Open(r);
                Base64Runs(text, minRun, runs);
            }
            else if (rule.Triggers is { } triggers)
            {
                // Rare characters (invisible code points): one vectorised search decides whether the rule runs at all.
                anyTrigger ??= ContainsTrigger(text, plan.AnyTrigger!, plan.TriggersAreNonAscii);
                if (anyTrigger.Value && ContainsTrigger(text, triggers, plan.TriggersAreNonAscii)) buffers.Open(r).Add((0, text.Length));
            }
            else
            {
                buffers.Open(r).Add((0, text.Length));
            }
        }

        WindowGate? gates = null;
        var pathAllowed = path is not null && set.AllowPaths.Any(g => g.IsMatch(Guards.PathNormalizer.Normalize(path, "/workspace", out _)));
        for (var r = 0; r < rules.Count; r++)
        {
            if (state.Windows[r] is not { } windows) continue;
            var rule = rules[r];
            if (pathAllowed && rule.Category == RuleCategory.Secret) continue;
            var gate = rule.Spec.Gate is { } gateName ? set.GateFor(gateName) : null;
            var firstLook = gate is null ? rule.FirstLook : null;
            var lastEnd = -1;
            foreach (var (ws, we) in windows)
            {
                var from = Math.Max(ws, lastEnd);
                if (from >= we) continue;
                // Twins behind one gate: a span where their joined pattern finds nothing holds no match of either.
                if (gate is not null && !(gates ??= new WindowGate()).Open(gate, text, from, we)) continue;
                // Most windows of an injection rule hold no match: a first look says so faster than the search.
                if (firstLook is not null && !firstLook.IsMatch(text.AsSpan(from, we - from))) continue;
                try
                {
                    if (rule.SecretIsWholeMatch)
                    {
                        // No capture phase needed: the linear engine reports spans directly.
                        foreach (var vm in rule.Pattern.EnumerateMatches(text.AsSpan(from, we - from)))
                        {
                            var start = from + vm.Index;
                            lastEnd = Math.Max(lastEnd, start + vm.Length);
                            if (Accept(set, rule, text, start, vm.Length, out var uncertain))
                            {
                                results.Add(new RawMatch(rule, start, vm.Length, uncertain));
                            }
                        }
                        continue;
                    }
                    if (rule.CaptureOnly is { } capture)
                    {
                        foreach (var vm in rule.Pattern.EnumerateMatches(text.AsSpan(from, we - from)))
                        {
                            var matchStart = from + vm.Index;
                            lastEnd = Math.Max(lastEnd, matchStart + vm.Length);
                            var (start, length) = SecretSpan(rule, capture, text, matchStart, vm.Length);
                            if (Accept(set, rule, text, start, length, out var uncertain))
                            {
                                results.Add(new RawMatch(rule, start, length, uncertain));
                            }
                        }
                        continue;
                    }
                    for (var m = rule.Pattern.Match(text, from, we - from); m.Success; m = m.NextMatch())
                    {
                        lastEnd = Math.Max(lastEnd, m.Index + m.Length);
                        var (start, length) = (m.Index, m.Length);
                        if (rule.SecretGroup >= 0 && m.Groups[rule.SecretGroup] is { Success: true } g)
                        {
                            (start, length) = (g.Index, g.Length);
                        }
                        if (Accept(set, rule, text, start, length, out var uncertain))
                        {
                            results.Add(new RawMatch(rule, start, length, uncertain));
                        }
                    }
                }
                catch (RegexMatchTimeoutException)
                {
                    // A backtracking rule ran out of time: the scan goes on without that window, and the caller is told.
                    onTimeout?.Invoke(rule);
                }
            }
        }
    }

    // Learned scorers read the whole text once (the pass) and report the best window of each run of windows at their
    // threshold, and of each run at their corroborated threshold that the injection heuristic corroborates. A
    // corroboration that runs out of time counts as corroborated (fail closed: the window goes to the judge), and the
    // caller is told. The corroboration runs here, on the scan's thread, after the side pass has joined.
    private static void AddScorerFindings(IReadOnlyList<CompiledRule> rules, ScanPlan plan, string text, SidePass pass, List<RawMatch> results, Action<CompiledRule>? onTimeout)
    {
        for (var k = 0; k < plan.Scorers.Length; k++)
        {
            var rule = rules[plan.Scorers[k]];
            foreach (var w in pass.Flagged(k)) results.Add(new RawMatch(rule, w.Start, w.End - w.Start, true, w.Score));
            foreach (var c in pass.Candidates(k))
            {
                IReadOnlyList<string>? families;
                try
                {
                    families = ScorerCorroboration.Of(text, c);
                }
                catch (RegexMatchTimeoutException)
                {
                    onTimeout?.Invoke(rule);
                    families = ScorerCorroboration.TimedOut;
                }
                if (families is not null)
                {
                    results.Add(new RawMatch(rule, c.Best.Start, c.Best.End - c.Best.Start, true, c.Best.Score, families));
                }
            }
        }
    }

    // A search for many non-ASCII characters is slow per character; most text is ASCII with a rare exception, so
    // only the non-ASCII characters (found by a fast vectorised range search) are looked up. Text dense in non-ASCII
    // (Korean, Greek: a hop per character) goes back to the plain search, which is the faster of the two there.
    internal static bool ContainsTrigger(string text, System.Buffers.SearchValues<char> triggers, bool nonAsciiOnly)
    {
        const int MinLookups = 32;
        const int SparseGap = 16;
        var span = text.AsSpan();
        if (!nonAsciiOnly) return span.ContainsAny(triggers);
        for (var lookups = 1; ; lookups++)
        {
            var i = span.IndexOfAnyExceptInRange('\0', '\x7f');
            if (i < 0) return false;
            if (triggers.Contains(span[i])) return true;
            span = span[(i + 1)..];
            if (lookups >= MinLookups && text.Length - span.Length < lookups * SparseGap) return span.ContainsAny(triggers);
        }
    }

    // Characters of standard and URL-safe base64, padding included.
    private static readonly bool[] Base64Table = BuildBase64Table();

    private static bool[] BuildBase64Table()
    {
        var table = new bool[128];
        foreach (var c in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/_-=") table[c] = true;
        return table;
    }

    private static bool IsBase64Char(char c) => c < 128 && Base64Table[c];

    // Maximal runs of base64 characters at least minRun long. Any such run covers one of every minRun-th position, so
    // only those positions are probed and a run is measured only from a probe that lands in it: ordinary text, where
    // every word is a short run, costs about one probe and a word's length per minRun characters.
    internal static List<(int Start, int End)> Base64Runs(string text, int minRun) => Base64Runs(text, minRun, []);

    // The same, added to `windows`.
    private static List<(int Start, int End)> Base64Runs(string text, int minRun, List<(int Start, int End)> windows)
    {
        var span = text.AsSpan();
        var covered = 0;
        var probe = minRun - 1;
        while (probe < span.Length)
        {
            if (!IsBase64Char(span[probe]))
            {
                probe += minRun;
                continue;
            }
            var start = probe;
            while (start > covered && IsBase64Char(span[start - 1])) start--;
            var end = probe + 1;
            while (end < span.Length && IsBase64Char(span[end])) end++;
            if (end - start >= minRun) windows.Add((start, end));
            covered = end;
            // The next run starts after `end`; a run of minRun characters starting at end + 1 covers end + minRun.
            probe = end + minRun;
        }
        return windows;
    }

    private static void OnHit(ref HitState state, int keyword, int last)
    {
        var first = last - state.Plan.Matcher.Keywords[keyword].Length + 1;
        int lineWindowStart = -1, lineWindowEnd = -1;
        foreach (var r in state.Plan.KeywordRules[keyword]) Open(ref state, r, first, last, ref lineWindowStart, ref lineWindowEnd);
        foreach (var c in state.Plan.ConditionalRules[keyword])
        {
            if (c.Holds(state.Text, first, last - first + 1)) Open(ref state, c.Rule, first, last, ref lineWindowStart, ref lineWindowEnd);
        }
    }

    // Opens (or widens) rule r's window for the keyword at first..last.
    private static void Open(ref HitState state, int r, int first, int last, ref int lineWindowStart, ref int lineWindowEnd)
    {
        var text = state.Text;
        var windows = state.Windows[r] ?? state.Buffers.Open(r);
        // Most hits fall inside the window an earlier hit opened: nothing to do.
        if (windows.Count > 0 && first >= windows[^1].Start && last < windows[^1].End) return;
        if (lineWindowStart < 0)
        {
            var backLimit = Math.Max(0, first - MaxBack);
            var nl = text.AsSpan(backLimit, first - backLimit).LastIndexOf('\n');
            lineWindowStart = nl < 0 ? backLimit : backLimit + nl + 1;
            var limit = (int)Math.Min(text.Length, (long)last + 1 + DefaultReach);
            var nextNl = text.AsSpan(last + 1, limit - last - 1).IndexOf('\n');
            lineWindowEnd = nextNl < 0 ? limit : last + 1 + nextNl;
        }
        var start = lineWindowStart;
        var end = state.Rules[r].Spec.Reach is { } reach ? (int)Math.Min(text.Length, (long)last + 1 + reach) : lineWindowEnd;
        if (windows.Count > 0 && start <= windows[^1].End)
        {
            var prev = windows[^1];
            windows[^1] = (Math.Min(prev.Start, start), Math.Max(prev.End, end));
        }
        else
        {
            windows.Add((start, end));
        }
    }

    // The secret group of a span the linear engine matched: the backtracking twin on exactly that span, or the
    // linear engine's own capture phase when the twin disagrees or runs out of time.
    private static (int Start, int Length) SecretSpan(CompiledRule rule, Regex capture, string text, int start, int length)
    {
        try
        {
            var m = capture.Match(text, start, length);
            if (m.Success && m.Index == start && m.Length == length && m.Groups[rule.SecretGroup] is { Success: true } g)
            {
                return (g.Index, g.Length);
            }
        }
        catch (RegexMatchTimeoutException)
        {
            // fall through to the linear engine
        }
        var linear = rule.Pattern.Match(text, start, length);
        return linear.Success && linear.Groups[rule.SecretGroup] is { Success: true } lg ? (lg.Index, lg.Length) : (start, length);
    }

    private static bool Accept(RuleSet set, CompiledRule rule, string text, int start, int length, out bool uncertain)
    {
        uncertain = false;
        if (length == 0) return false;
        if (rule.Spec.Heuristic == "injection" && !InjectionScore.Passes(text, start, length)) return false;
        var value = text.AsSpan(start, length);
        foreach (var a in rule.Allow)
        {
            if (a.IsMatch(value)) return false;
        }
        if (rule.Category == RuleCategory.Secret)
        {
            if (set.IsAllowedValue(value)) return false;
            if (LineOf(text, start).ContainsAny(InlineAllow)) return false;
        }
        if (rule.Spec.Entropy is { } min || rule.Spec.CertainEntropy is not null)
        {
            var h = Entropy.Shannon(value);
            if (h < (rule.Spec.Entropy ?? 0)) return false;
            if (rule.Spec.CertainEntropy is { } certain && h < certain) uncertain = true;
        }
        if (rule.Spec.Decode is not null)
        {
            var decoded = Base64Text.Decode(value);
            if (decoded is null) return false;
            if (rule.Decoded is { } decodedPattern)
            {
                if (!decodedPattern.IsMatch(decoded)) return false;
            }
            // Without decoded_regex, the decoded text must trip an injection or command rule (one level deep), or ask
            // for something harmful with the encoding itself as the hidden carrier: encoded instructions need no
            // addressee to be suspect. That second way goes to the judge.
            else if (Scan(set, decoded, ScanScope.Injection | ScanScope.Commands | ScanScope.NoDecoding, null).Count == 0)
            {
                if (!InjectionScore.PassesHidden(decoded)) return false;
                uncertain = true;
            }
        }
        // Articles and detector tests cite attacks, but the cue ("such as", "e.g.") is something an attacker can write
        // too: a cited or described injection is never dropped. A blocking rule's match goes to the judge instead,
        // which reads it in context; redaction (markers, invisible text, exfiltration images) stays, it costs nothing.
        // Asked last: it only marks a match that is kept.
        if (rule.Category == RuleCategory.Injection && rule.Action == RuleAction.Block && InjectionMention.IsMention(text, start, length)) uncertain = true;
        return true;
    }

    private static ReadOnlySpan<char> LineOf(string text, int offset)
    {
        var s = text.AsSpan(0, offset).LastIndexOf('\n') + 1;
        var e = text.AsSpan(offset).IndexOf('\n');
        return text.AsSpan(s, (e < 0 ? text.Length : offset + e) - s);
    }

    // The same rule can match one place twice through overlapping windows; different rules on one span are kept.
    // The matches are sorted by start, so a repeat lies among the kept matches with the same start, which are the last
    // ones kept: only those are compared, in place, and the first of each (rule, start, length) stays.
    internal static List<RawMatch> Dedupe(List<RawMatch> matches)
    {
        var kept = 0;
        var runStart = 0;
        for (var i = 0; i < matches.Count; i++)
        {
            var m = matches[i];
            if (kept > 0 && matches[kept - 1].Start != m.Start) runStart = kept;
            var repeat = false;
            for (var k = runStart; k < kept; k++)
            {
                var o = matches[k];
                if (o.Length == m.Length && string.Equals(o.Rule.Id, m.Rule.Id, StringComparison.Ordinal))
                {
                    repeat = true;
                    break;
                }
            }
            if (!repeat) matches[kept++] = m;
        }
        matches.RemoveRange(kept, matches.Count - kept);
        return matches;
    }
}
