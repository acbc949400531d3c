using System.Text;

namespace Smooth.Surveillance.Scanning;

/// <summary>Turns raw matches into findings with line, column and a redacted preview, and produces redacted text.</summary>
internal static class FindingBuilder
{
    private const int PreviewContext = 24;
    private const int PreviewMaxMatch = 80;

    public static List<Finding> Build(string text, List<RawMatch> matches)
    {
        var findings = new List<Finding>(matches.Count);
        if (matches.Count == 0) return findings;
        var lines = new LineIndex(text);
        // Every secret span is masked in every preview, whichever finding the preview belongs to.
        var secrets = new List<RawMatch>();
        foreach (var m in matches)
        {
            if (m.Rule.Category == RuleCategory.Secret) secrets.Add(m);
        }
        foreach (var m in matches)
        {
            var (line, column) = lines.Locate(m.Start);
            var action = m.Uncertain && m.Rule.Action is RuleAction.Block or RuleAction.Redact ? RuleAction.Judge : m.Rule.Action;
            findings.Add(new Finding
            {
                RuleId = m.Rule.Id,
                Category = m.Rule.Category,
                Severity = m.Rule.Severity,
                Action = action,
                Description = m.Rule.Description,
                Span = new FindingSpan(m.Start, m.Length, line, column),
                Preview = Preview(text, Shown(text, m), secrets),
                Score = double.IsNaN(m.Score) ? null : m.Score,
                Threshold = m.Corroboration is null ? m.Rule.Threshold : m.Rule.Scorer!.CorroboratedThreshold,
                Corroboration = m.Corroboration,
            });
        }
        return findings;
    }

    /// <summary>True when the finding's span is replaced in the text the model sees.</summary>
    public static bool Redacts(Finding f) =>
        f.Category == RuleCategory.Secret ? f.Action != RuleAction.Alert : f.Action == RuleAction.Redact;

    /// <summary>Replaces the spans of <paramref name="redact"/> with <c>[REDACTED:&lt;rule-id&gt;]</c>; overlapping spans merge under the first id.</summary>
    public static string Redact(string text, IEnumerable<Finding> redact, out int count)
    {
        var spans = new List<Finding>();
        foreach (var f in redact) spans.Add(f);
        return Redact(text, spans, out count);
    }

    /// <summary>
    /// The same for the findings of <paramref name="findings"/> that <see cref="Redacts"/> (it keeps its order; the
    /// spans are sorted by start, longest first, ties in the order given).
    /// </summary>
    public static string RedactFindings(string text, List<Finding> findings, out int count)
    {
        var spans = new List<Finding>();
        foreach (var f in findings)
        {
            if (Redacts(f)) spans.Add(f);
        }
        return Redact(text, spans, out count);
    }

    // By start, then longest first; a stable sort, so the first of two equal spans keeps its id.
    private static string Redact(string text, List<Finding> spans, out int count)
    {
        count = 0;
        if (spans.Count == 0) return text;
        StableSortByStartLongestFirst(spans);
        // Merge first, then build the result in one allocation of its exact length: a tool result is often large
        // enough that every extra copy lands on the large object heap and costs a full collection later.
        var merged = new List<(int Start, int End, string Id)>(spans.Count);
        var pos = 0;
        var length = text.Length;
        var i = 0;
        while (i < spans.Count)
        {
            var start = spans[i].Span.Start;
            var end = spans[i].Span.End;
            var id = spans[i].RuleId;
            i++;
            while (i < spans.Count && spans[i].Span.Start < end)
            {
                end = Math.Max(end, spans[i].Span.End);
                i++;
            }
            start = Math.Max(start, pos);
            end = Math.Max(end, start);
            merged.Add((start, end, id));
            length += RedactedPrefix.Length + id.Length + 1 - (end - start);
            pos = end;
        }
        count = merged.Count;
        return string.Create(length, (text, merged), static (dest, state) =>
        {
            var (source, parts) = state;
            var from = 0;
            foreach (var (start, end, id) in parts)
            {
                source.AsSpan(from, start - from).CopyTo(dest);
                dest = dest[(start - from)..];
                RedactedPrefix.CopyTo(dest);
                dest = dest[RedactedPrefix.Length..];
                id.CopyTo(dest);
                dest[id.Length] = ']';
                dest = dest[(id.Length + 1)..];
                from = end;
            }
            source.AsSpan(from).CopyTo(dest);
        });
    }

    private const string RedactedPrefix = "[REDACTED:";

    // Insertion sort: a result holds a handful of redacted spans, mostly in order already, and it keeps equal keys
    // in the order given (as OrderBy did) without allocating.
    private static void StableSortByStartLongestFirst(List<Finding> spans)
    {
        for (var i = 1; i < spans.Count; i++)
        {
            var f = spans[i];
            var j = i - 1;
            while (j >= 0 && After(spans[j], f))
            {
                spans[j + 1] = spans[j];
                j--;
            }
            spans[j + 1] = f;
        }
    }

    private static bool After(Finding a, Finding b) =>
        a.Span.Start > b.Span.Start || (a.Span.Start == b.Span.Start && a.Span.Length < b.Span.Length);

    // A scorer's window is previewed by its strongest line (the words that tipped it), not by wherever it starts.
    private static RawMatch Shown(string text, RawMatch m)
    {
        if (m.Rule.Scorer is not { } scorer) return m;
        var (start, length) = Scoring.StrongestLine.In(scorer.Model, text, m.Start, m.Start + m.Length);
        return m with { Start = start, Length = length };
    }

    private static string Preview(string text, RawMatch m, List<RawMatch> secrets)
    {
        var lineStart = text.AsSpan(0, m.Start).LastIndexOf('\n') + 1;
        var nl = text.AsSpan(m.Start + m.Length).IndexOf('\n');
        var lineEnd = nl < 0 ? text.Length : m.Start + m.Length + nl;
        var from = Math.Max(lineStart, m.Start - PreviewContext);
        var matchEnd = Math.Min(m.Start + m.Length, m.Start + PreviewMaxMatch);
        var to = Math.Min(lineEnd, matchEnd + PreviewContext);
        if (m.Rule.Category == RuleCategory.Secret) to = Math.Min(lineEnd, m.Start + m.Length + PreviewContext);
        var sb = PreviewBuilder ??= new StringBuilder();
        sb.Clear();
        if (from > lineStart) sb.Append('…');
        var pos = from;
        foreach (var s in secrets)
        {
            var sEnd = s.Start + s.Length;
            if (sEnd <= pos || s.Start >= to) continue;
            if (s.Start > pos) AppendVisible(sb, text.AsSpan(pos, s.Start - pos));
            sb.Append("[REDACTED:").Append(s.Rule.Id).Append(']');
            pos = Math.Max(pos, sEnd);
        }
        if (pos < to)
        {
            if (m.Rule.Category != RuleCategory.Secret && m.Start + m.Length > matchEnd && pos < matchEnd)
            {
                AppendVisible(sb, text.AsSpan(pos, matchEnd - pos));
                sb.Append('…');
            }
            else
            {
                AppendVisible(sb, text.AsSpan(pos, to - pos));
            }
        }
        if (to < lineEnd && sb[^1] != '…') sb.Append('…');
        return sb.ToString();
    }

    // One builder per thread for the previews: each preview is copied out as its string, so the builder can be reused.
    [ThreadStatic]
    private static StringBuilder? PreviewBuilder;

    // Invisible and control characters are shown as \uXXXX so a preview of hidden text is readable and harmless.
    private static void AppendVisible(StringBuilder sb, ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (c == '\t') sb.Append(' ');
            else if (char.IsControl(c) || char.IsSurrogate(c) || c is >= '\u200B' and <= '\u200F' or >= '\u202A' and <= '\u202E' or >= '\u2060' and <= '\u2069' or '\uFEFF')
                sb.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
            else sb.Append(c);
        }
    }
}
