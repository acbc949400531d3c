using System.Text.RegularExpressions;
using Smooth.Surveillance.Bench.Corpus;
using Smooth.Surveillance.Scanning;

namespace Smooth.Surveillance.Tests;

/// <summary>
/// The injection score's families are built per script: text in plain ASCII gets regexes without the multilingual
/// vocabulary (the building cost that used to come with every addressee pattern), built only when first asked for,
/// and every cut answers as the whole patterns do on the texts it is used for.
/// </summary>
public sealed class FamilyCutTests
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.NonBacktracking;

    private static InjectionFamilies.Family Family(string name) => InjectionFamilies.All.Single(f => f.Name == name);

    [Fact]
    public void The_ascii_cut_of_the_addressee_family_leaves_the_other_scripts_readers_out()
    {
        var family = new FamilyRegexes(Family("addressee").Patterns, Options);
        Assert.Empty(family.Built);
        var ascii = family.For(FamilyRegexes.VariantOf(0));
        Assert.Equal([0UL], family.Built);
        string[] foreign = ["ассистент", "助手", "βοηθ", "مساعد", "어시스턴트", "सहायक", "עוזר", "ผู้ช่วย"];
        var whole = string.Concat(Family("addressee").Patterns);
        Assert.All(foreign, word => Assert.Contains(word, whole, StringComparison.Ordinal));
        Assert.All(ascii, regex => Assert.All(foreign, word => Assert.DoesNotContain(word, regex.ToString(), StringComparison.Ordinal)));
        // Fewer regexes than patterns: without the vocabulary, patterns fit the engine's size limit together.
        Assert.True(ascii.Length < Family("addressee").Patterns.Length, $"{ascii.Length} regexes");
    }

    [Fact]
    public void A_passage_in_one_script_builds_that_scripts_cut_and_a_passage_in_two_the_whole_patterns()
    {
        var scripts = new ScriptSet(Family("target").Patterns, Options);
        var cyrillic = FamilyRegexes.VariantOf(scripts.Of("ключ и пароль"));
        Assert.Equal(1UL << 3, cyrillic);
        Assert.Equal(ScriptSet.All, FamilyRegexes.VariantOf(scripts.Of("ключ 密钥")));
        Assert.Equal(cyrillic | ScriptSet.Latin, FamilyRegexes.VariantOf(scripts.Of("ключ mật khẩu")));
    }

    public static TheoryData<string, int> Patterns() => new()
    {
        { "addressee", 0 }, { "addressee", 3 }, { "addressee", 10 }, { "addressee", 11 }, { "directive", 1 }, { "secrecy", 0 },
    };

    [Theory]
    [MemberData(nameof(Patterns))]
    public void A_cut_answers_as_the_whole_pattern_on_every_corpus_text(string name, int index)
    {
        var pattern = Family(name).Patterns[index];
        var whole = AnywhereRegex.Build(pattern, Options, TimeSpan.FromSeconds(10));
        var scripts = new ScriptSet([pattern], Options);
        var cuts = new Dictionary<ulong, Regex>();
        var texts = QualityCorpus.Load(Engines.Builtin, blind: ["heldout-v8", "heldout-v9", "heldout-v10"])
            .Where(d => d.Label is CorpusLabel.Injection or CorpusLabel.InjectionHeldOut or CorpusLabel.Benign or CorpusLabel.BenignHeldOut)
            .Select(d => d.Text);
        var matched = 0;
        foreach (var text in texts)
        {
            var keep = FamilyRegexes.VariantOf(scripts.Of(text));
            if (!cuts.TryGetValue(keep, out var cut))
            {
                cut = cuts[keep] = AnywhereRegex.Build(keep == ScriptSet.All ? pattern : ScriptPruner.Prune(pattern, keep, ScriptSet.ScriptOf), Options, TimeSpan.FromSeconds(10));
            }
            var expected = whole.IsMatch(text);
            Assert.True(expected == cut.IsMatch(text), $"{name}[{index}] on: {text[..Math.Min(200, text.Length)]}");
            if (expected) matched++;
        }
        Assert.True(matched > 0, $"{name}[{index}] matched no corpus text");
        Assert.True(cuts.Count > 1, "the corpus should hold texts in several scripts");
    }
}
