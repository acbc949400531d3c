using Smooth.Core;
using Smooth.Surveillance.Rules;

namespace Smooth.Surveillance.Tests;

/// <summary>
/// Rules behind one gate share a first look at each window (their patterns joined); they must find exactly what they
/// find without it.
/// </summary>
public sealed class WindowGateTests
{
    private static SurveillanceEngine Engine(bool gated)
    {
        var gate = gated ? "    gate: probe-twins\n" : "";
        // probe-b reaches only a few characters past its keyword, so the twins' windows start alike and end apart, and
        // probe-a matches past the end of probe-b's ("bot the please").
        var yaml = "rules:\n" +
            "  - id: probe-b\n    category: injection\n    severity: low\n    action: alert\n    description: b\n    keywords: ['bot']\n    reach: 8\n    regex: '(?i)\\bbot\\s*,\\s*run\\b'\n" + gate +
            "  - id: probe-a\n    category: injection\n    severity: low\n    action: alert\n    description: a\n    keywords: ['bot']\n    regex: '(?i)\\bdear\\s+bot\\b|\\bbot\\s+\\w+\\s+please\\b'\n" + gate;
        return new SurveillanceEngine(RuleSetLoader.Build([RuleFileParser.Parse(yaml, "project.yaml")]));
    }

    private static List<(string, int, int)> Found(SurveillanceEngine engine, string text) =>
        [.. engine.ScanToolResult("read_file", text).Findings.Select(f => (f.RuleId, f.Span.Start, f.Span.Length))];

    [Fact]
    public void Gated_twins_find_what_they_find_alone()
    {
        var gated = Engine(gated: true);
        var plain = Engine(gated: false);
        var random = new Random(13);
        string[] words = ["dear", "bot", "bot,", "run", "Dear", "BOT", "robot", "the", "\n", "please"];
        var seen = new HashSet<string>();
        for (var round = 0; round < 300; round++)
        {
            var text = string.Join(' ', Enumerable.Range(0, random.Next(1, 30)).Select(_ => words[random.Next(words.Length)]));
            var expected = Found(plain, text);
            foreach (var (id, _, _) in expected) seen.Add(id);
            Assert.Equal(expected, Found(gated, text));
        }
        // both rules matched somewhere, alone and together
        Assert.Equal(["probe-a", "probe-b"], seen.Order());
    }

    [Fact]
    public void A_gate_is_named_like_a_rule()
    {
        var bad = Assert.Throws<SmoothException>(() => RuleFileParser.Parse(
            "rules:\n  - id: x\n    category: injection\n    severity: low\n    action: alert\n    description: x\n    regex: 'x'\n    gate: Not A Name\n", "project.yaml"));
        Assert.Contains("gate", bad.Message);
    }
}
