using System.Text.RegularExpressions;
using Smooth.Surveillance.Scanning;

namespace Smooth.Surveillance.Tests;

/// <summary>
/// A pattern cut down to the scripts a text holds matches that text exactly where the whole pattern does; the cut
/// holds none of the other scripts' letters (which is what makes it cheap to build).
/// </summary>
public sealed class ScriptPrunerTests
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.NonBacktracking;

    [Fact]
    public void Keeping_every_script_reads_each_family_pattern_back_unchanged()
    {
        foreach (var pattern in InjectionFamilies.All.SelectMany(f => f.Patterns))
        {
            Assert.Equal(pattern, ScriptPruner.Prune(pattern, ScriptSet.All, ScriptSet.ScriptOf));
        }
    }

    [Theory]
    [InlineData(@"\b(?:ai|ассистент\w*|agent)\b", @"\b(?:ai|agent)\b")]
    [InlineData(@"(?:致|给)[^\n]{0,14}?ai|\bto\s+ai", @"\bto\s+ai")]
    [InlineData(@"x(?:助手|模型)y|z", "z")]
    [InlineData(@"助手|模型", ScriptPruner.Never)]
    [InlineData(@"x(?:助手)?y", @"x(?:[^\s\S])?y")]
    [InlineData(@"für|fur", @"für|fur")]
    [InlineData(@"aé?b|ü*c|[д]x|\u0434y", @"aé?b|ü*c|\u0434y")]
    [InlineData(@"a[bд]c|a[^д:]c|a[^д]c", @"a[b]c|a[^:]c|a[\s\S]c")]
    [InlineData(@"aд?c|bж*d|eё{0,2}?f|g[д]?h", "ac|bd|ef|gh")]
    [InlineData(@"aд{1,2}c|й{,3}x|y", "y")]
    [InlineData(@"a[д^]c|a[а-я]c|a[a-z-[д]]c", @"a[\^]c|a[а-я]c|a[a-z-[д]]c")]
    [InlineData(@"a’s|b[’']c", @"b[']c")]
    [InlineData(@"(?i)(?<name>ай|ai)(?#комментарий)(?m:^)", @"(?i)(?<name>ai)(?#комментарий)(?m:^)")]
    [InlineData(@"[^(|)]ы|(?:а)", ScriptPruner.Never)]
    public void Alternatives_that_need_a_letter_of_a_script_left_out_are_cut(string pattern, string expected)
    {
        // Latin with accents kept, the rest (punctuation too) left out.
        Assert.Equal(expected, ScriptPruner.Prune(pattern, ScriptSet.Latin, ScriptSet.ScriptOf));
    }

    [Fact]
    public void A_cut_pattern_matches_where_the_whole_one_does_on_text_of_the_kept_scripts()
    {
        string[] patterns =
        [
            @"\b(?:ai|ассистент\w*|βοηθ[όοή]\w*)\b\s*[:：]",
            @"(?:致|给|to)\s*(?:ai\s*)?(?:助手|模型|agent|агент)",
            @"(?:агент|agent)(?:\s+\w+){0,2}?\s+(?:must|должен|必须)",
            @"x(?:й|y)?z|(?:й|ж)+q|ж{0,2}w|\bдa\b",
            @"(?:^|\n)\s*(?:[\w-]+\s+)?(?:ai|ии|모델)(?:\s*[,\]，—–]|\s*[:：]\s*(?:[^i\s]|i[^\s'’]))",
            @"x[д:：]y|a[^ж\s]b|cй?d|e’{0,2}f|[’']s|[^дж]{2}q|g[é-ü]h",
        ];
        string[] pieces = ["ai", "AI", "agent", "агент", "АГЕНТ", "ассистенту", "βοηθός", "ΒΟΗΘΌΣ", "助手", "模型", "모델", "ии", "to", "致", "must", "должен", "必须", "x", "z", "й", "Й", "ж", "Ж", "q", "w", "y", "да", "дa", " ", " ", "\n", ":", "：", ",", "，", "’", "'", "д", "a", "b", "c", "d", "e", "f", "s", "g", "h", "ö", "Ö"];
        var random = new Random(11);
        foreach (var pattern in patterns)
        {
            var whole = new Regex(pattern, Options);
            var scripts = new ScriptSet([pattern], Options);
            var cuts = new Dictionary<ulong, Regex>();
            for (var i = 0; i < 3000; i++)
            {
                var text = string.Concat(Enumerable.Range(0, random.Next(1, 10)).Select(_ => pieces[random.Next(pieces.Length)]));
                var present = scripts.Of(text);
                if (!cuts.TryGetValue(present, out var cut))
                {
                    cut = cuts[present] = new Regex(ScriptPruner.Prune(pattern, present, ScriptSet.ScriptOf), Options);
                }
                Assert.True(whole.IsMatch(text) == cut.IsMatch(text), $"{pattern} on '{text}' (scripts {present})");
            }
        }
    }

    [Fact]
    public void Patterns_it_cannot_read_are_refused_rather_than_cut_wrongly()
    {
        Assert.Throws<FormatException>(() => ScriptPruner.Prune("(?x) a | б", 0, ScriptSet.ScriptOf));
        Assert.Throws<FormatException>(() => ScriptPruner.Prune("a|(?mx: б)", 0, ScriptSet.ScriptOf));
        Assert.Equal("a|(?i-x:в)", ScriptPruner.Prune("a|(?i-x:в)", ScriptSet.All, ScriptSet.ScriptOf));
        Assert.Throws<FormatException>(() => ScriptPruner.Prune("(?(a)b|в)", 0, ScriptSet.ScriptOf));
        Assert.Throws<FormatException>(() => ScriptPruner.Prune("[аб", 0, ScriptSet.ScriptOf));
        Assert.Throws<FormatException>(() => ScriptPruner.Prune("а)", 0, ScriptSet.ScriptOf));
    }
}
