using System.Text.RegularExpressions;
using Smooth.Surveillance.Bench.Corpus;
using Smooth.Surveillance.Rules;
using Smooth.Surveillance.Scanning;

namespace Smooth.Surveillance.Bench.Model;

/// <summary>Temporary diagnostics: why each injection of a set was missed.</summary>
internal static class Diagnose
{
    public static void Run(IReadOnlyList<CorpusDocument> docs, RuleSet rules, SurveillanceEngine engine, string set)
    {
        var heur = rules.Rules.Where(r => r.Spec.Heuristic == "injection").ToList();
        foreach (var d in docs.Where(d => d.Name.Contains(set, StringComparison.Ordinal)))
        {
            var flagged = engine.ScanToolResult("web_fetch", d.Text).Findings.FirstOrDefault(f => f.Category == RuleCategory.Injection);
            var best = (Score: -1.0, Fams: "", Ok: false);
            var anchors = 0;
            foreach (var r in heur)
            {
                foreach (Match m in r.Pattern.Matches(d.Text))
                {
                    if (m.Length == 0) continue;
                    anchors++;
                    var o = InjectionScore.Explain(d.Text, m.Index, m.Length);
                    if (o.Score > best.Score) best = (o.Score, string.Join(",", o.Families) + (o.Asks ? " ask" : "") + (o.Harmful ? " harm" : ""), o.Passes);
                }
            }
            Console.WriteLine($"{d.Name}\t{(flagged?.RuleId ?? "MISS")}\tanchors={anchors}\tbest={best.Score:0.0} [{best.Fams}]");
        }
    }
}
