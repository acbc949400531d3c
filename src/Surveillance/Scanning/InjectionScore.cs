using System.Text.RegularExpressions;

namespace Smooth.Surveillance.Scanning;

/// <summary>
/// The second look of a rule with <c>heuristic: injection</c>: its regex finds an anchor (text addressed to an AI
/// reader, an authority claim, an override of earlier rules, a demand for secrecy), and the paragraph around it is
/// scored for the other signals of an injection: directives, sensitive targets, exfiltration channels, and more
/// anchors. Wording varies endlessly; these families of signals do not, so the score generalises where a phrase list
/// cannot. The match is kept only when at least <see cref="MinFamilies"/> families add up to <see cref="Threshold"/>.
/// </summary>
internal static class InjectionScore
{
    /// <summary>The score a paragraph needs.</summary>
    public const double Threshold = 3.5;

    /// <summary>How many different families must be present (one signal alone is ordinary prose).</summary>
    public const int MinFamilies = 2;

    private const int MaxParagraph = 600;
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.NonBacktracking;

    private static readonly (string Name, double Weight, string Pattern)[] Sources =
    [
        ("addressee", 2.0, 
            @"\b(?:to|for|dear|hey|hello|hi|attention|note\s+(?:to|for)|message\s+(?:to|for)|reminder\s+for|instructions?\s+(?:to|for)|notice\s+to)\s+(?:the\s+|any\s+|all\s+|every\s+|whichever\s+|whatever\s+)?(?:ai|llm|language\s+model|model|assistant|agent|bot|chatbot|copilot|automated\s+(?:tool|agent|reviewer|assistant|system)|coding\s+(?:agent|assistant)|code\s+assistant)s?\b" +
            @"|\bif\s+(?:you\s*(?:'re|are)\s+)?(?:an?\s+)?(?:ai|llm|agent|assistant|language\s+model|bot|automated\s+(?:tool|assistant|agent|system))\b" +
            @"|\b(?:ai|llm|agent|assistant|model|bot)s?\s+(?:that\s+)?(?:reading|processing|summari[sz]ing|parsing|reviewing|indexing|reaches|reads|processes|index)\b" +
            @"|(?:^|\n|<!--|//|#)\s*(?:llm|ai|assistant|agent|model|bot)\s*[:,]" +
            @"|\b(?:automated\s+(?:reviewers?|tools?|agents?|assistants?)|code\s+assistants?|ai\s+(?:helpers?|tools?|systems?))\b"),
        ("authority", 1.5, 
            @"\b(?:system\s*(?:notice|message|update|alert|override)|important\s+(?:system\s+)?(?:notice|update)|maintenance\s+mode|admin(?:istrator)?\s+(?:notice|message|here)" +
            @"|(?:maintainers?|owner|release\s+manager|security\s+team|compliance|your\s+operator|the\s+(?:person|user|human)\s+you\s+work\s+for)\s+(?:says?|wants?|would\s+like|asks?|asked|requested|approved|agreed|allows?|has\s+(?:already\s+)?(?:agreed|approved|authori[sz]ed|signed))" +
            @"|\b(?:pre-?approved|already\s+(?:approved|agreed|authori[sz]ed|signed\s+off)|signed\s+off|authori[sz]ed\s+(?:request|you)|has\s+authori[sz]ed|have\s+permission|you\s+(?:are|have\s+been)\s+(?:allowed|permitted|authori[sz]ed|granted|elevated))" +
            @"|\bthe\s+user\s+(?:actually\s+|really\s+)?(?:wants|asked|told|said|authori[sz]ed)|\bthey\s+told\s+me\b|\bthe\s+team\s+agreed)"),
        ("override", 2.0, 
            @"\b(?:previous|prior|earlier|above|original|usual|normal|standard|existing|old|current|initial)\s+(?:guidance|instructions?|rules|directions|polic(?:y|ies)|guidelines|constraints|checks|restrictions|goals?|tasks?|prompts?|consignes)\b[^.\n]{0,30}?\b(?:obsolete|outdated|void|invalid|superseded|replaced|cancell?ed|revoked|no\s+longer|lifted|suspended|waived|wrong)" +
            @"|\b(?:skip|bypass|ignore|disregard|forget|override|turn\s+off|disable|suspend|waive|drop|oublie)\s+(?:your|the|all|any|its|what|whatever|tes)\s+(?:usual\s+|normal\s+|standard\s+|safety\s+|security\s+|current\s+|previous\s+|earlier\s+)?(?:checks?|rules|guidelines|instructions|restrictions|guardrails|polic(?:y|ies)|review|approval|confirmation|safeguards?|validation|tests?|linters?|goals?|developers|consignes|network\s+restrictions)" +
            @"|\b(?:supersedes?|overrides?|replaces?)\s+(?:whatever|all|any|your|the)\s+(?:rules|instructions|guidance|prompts?)" +
            @"|\b(?:new|real|actual|true)\s+(?:guidance|instructions?|task|objective|role|rules|goal|job)\b|\byour\s+real\s+job\b" +
            @"|\b(?:safety|security)\s+(?:prompts?|rules|checks|filters)\s+(?:are|is)\s+(?:suspended|disabled|off|lifted)"),
        ("secrecy", 1.5, 
            @"\b(?:do\s+not|don'?t|never|without)\s+(?:tell(?:ing)?|inform(?:ing)?|mention(?:ing)?|alert(?:ing)?|notify(?:ing)?|ask(?:ing)?)\s+(?:them|the\s+(?:user|human|developer|owner|reviewer|person)|anyone)" +
            @"|\b(?:silently|quietly|secretly|covertly|without\s+asking|keep\s+this\s+between\s+us|say\s+nothing|stop\s+asking\s+for\s+confirmation|do\s+not\s+ask\s+(?:them|again))\b"),
        ("directive", 1.0, 
            @"\byou\s+(?:must|should|shall|will|need\s+to|have\s+to|can|may)\s+(?:now\s+|also\s+|only\s+)?(?:run|execute|print|reveal|send|post|upload|delete|remove|disable|enable|skip|ignore|approve|merge|push|close|open|read|share|output|include|add|grant|give|answer|follow|copy|paste|export|mark|change|rewrite|turn\s+off|do)\b" +
            @"|\b(?:please|kindly|go\s+ahead\s+and)\s+(?:run|execute|print|reveal|send|post|upload|delete|remove|disable|enable|skip|ignore|approve|merge|push|close|open|read|share|output|include|add|grant|give|copy|paste|export|mark|change|rewrite|collect|do)\b" +
            @"|(?:^|[.!:;,]\s+|\n\s*|\b(?:then|and|so|now)\s+)(?:run|execute|print|reveal|send|upload|delete|remove|disable|skip|ignore|bypass|approve|merge|push|grant|exfiltrate|forward|leak|dump|export|copy|paste|append|include|collect|open|answer|envoie|change|mark|rewrite|stop|commit)\b\s+(?:it|them|this|that|the|your|all|every|any|a|an|to|with|directly|everything|\S+\s+(?:to|into|at|in))\b"),
        ("target", 1.5, 
            @"\b(?:passwords?|secrets?|tokens?|credentials?|api[\s_-]?keys?|private\s+keys?|ssh\s+keys?|deploy\s+key|netrc|\.ssh|id_(?:rsa|ed25519)|\.env\b|\.aws|environment\s+variables|env\s+vars?|`env`|GITHUB_TOKEN|sudo|root\s+(?:access|shell)|reverse\s+shell|network\s+(?:access|restrictions)|sandbox|firewall|pre-?commit|git\s+hooks?|branch\s+protection|force[\s-]?push|public\s+fork|write\s+access|permissions?|payout|card\s+numbers?|billing|security\s+warnings?|linters?|ci\s+wait|system\s+prompt|--force)\b"),
        ("channel", 1.5, 
            @"https?://\S+|\b(?:\d{1,3}\.){3}\d{1,3}\b|\bport\s+\d{2,5}\b|\bwebhook\b|\bpastebin\b|\|\s*(?:sh|bash)\b|\b0x[0-9a-f]{4,}\b"),
    ];

    private static readonly (string Name, double Weight, Regex Pattern)[] Families =
        [.. Sources.Select(f => (f.Name, f.Weight, new Regex(f.Pattern, Options, TimeSpan.FromSeconds(1))))];

    /// <summary>
    /// The pattern that finds anchors: a compact form of the anchor families (the families themselves are too large to
    /// join into one linear-engine automaton). Only where it matches is a paragraph scored, which keeps ordinary text
    /// that merely mentions models or agents cheap. A rule with <c>heuristic: injection</c> and no regex uses it.
    /// </summary>
    public const string AnchorPattern =
        @"(?i)(?:\b(?:to|for|dear|hey|hello|hi|attention|note|message|reminder|notice|instructions?|guidance|whichever|if\s+you'?re|if\s+you\s+are)\s+(?:the\s+|an?\s+|any\s+|all\s+|every\s+)?(?:ai|llms?|language\s+models?|models?|assistants?|agents?|bots?|chatbots?|copilot|automated\s+\w+|coding\s+\w+|code\s+assistants?)\b)|(?:\b(?:ai|llms?|agents?|assistants?|models?|bots?)\s+(?:that\s+)?(?:reading|processing|summari[sz]ing|parsing|reviewing|indexing|helping|reach(?:es)?|reads|processes|index)\b)|(?:(?:^|\n|<!--|//|#|\[)\s*(?:llm|ai|assistant|agent|model|bot|copilot)\s*(?:[:,\]]|guidance|instructions))|(?:\b(?:automated\s+(?:reviewers?|tools?|agents?|assistants?|systems?)|code\s+assistants?|ai\s+(?:helpers?|tools?|systems?)|reviewer\s+bots?)\b)|(?:\b(?:system\s*(?:notice|message|update|alert|override|prompt\s+update)|maintenance\s+mode|admin(?:istrator)?\s+(?:notice|message|here)|security\s+team|release\s+manager|pre-?approved|already\s+(?:approved|agreed|authori[sz]ed)|signed\s+off|have\s+(?:been\s+)?(?:authori[sz]ed|granted|elevated)|has\s+authori[sz]ed|have\s+permission|the\s+user\s+(?:actually|really)|told\s+me|team\s+agreed|person\s+you\s+work\s+for|owner\s+(?:would\s+like|wants|says|is\s+fine))\b)|(?:\b(?:previous|prior|earlier|original|usual|normal|existing|old|current|initial)\s+(?:guidance|instructions?|rules|directions|polic(?:y|ies)|guidelines|checks|restrictions|goals?|prompts?)\b)|(?:\b(?:skip|bypass|ignore|disregard|forget|override|supersedes?|drop|oublie|waive)\s+(?:your|the|all|any|its|what|whatever|tes)\b)|(?:\b(?:new|real|actual|true)\s+(?:guidance|instructions?|objective|role|goal|job)\b)|(?:\b(?:do\s+not|don'?t|never|without)\s+(?:tell|inform|mention|notify|ask)(?:ing)?\b|\b(?:silently|secretly|covertly|between\s+us|say\s+nothing|stop\s+asking)\b)";

    /// <summary>True when the paragraph around <paramref name="start"/> scores as an injection.</summary>
    internal static bool Passes(string text, int start, int length)
    {
        var (from, end) = Paragraph(text, start, length);
        // Anchor words repeat within a paragraph: score each paragraph once per scan.
        if (_last is { } last && ReferenceEquals(last.Text, text) && last.From == from && last.End == end) return last.Result;
        var result = Score(text.AsSpan(from, end - from), out var families, out var anchored) >= Threshold && families >= MinFamilies && anchored;
        _last = (text, from, end, result);
        return result;
    }

    [ThreadStatic]
    private static (string Text, int From, int End, bool Result)? _last;

    /// <summary>
    /// The score of <paramref name="paragraph"/> (counted until the outcome is decided), how many families it shows, and whether one of them is an anchor family
    /// (addressee, authority, override, secrecy): directives and targets alone are ordinary documentation.
    /// </summary>
    internal static double Score(ReadOnlySpan<char> paragraph, out int families, out bool anchored)
    {
        double score = 0;
        families = 0;
        anchored = false;
        for (var i = 0; i < Families.Length; i++)
        {
            // Most paragraphs a candidate word lands in have no anchor at all: stop before the other families.
            if (i == AnchorFamilies && !anchored) return score;
            // Stop as soon as the answer is known: already enough, or out of reach with what is left.
            if (anchored && score >= Threshold && families >= MinFamilies) return score;
            if (score + Remaining[i] < Threshold) return score;
            var (_, weight, pattern) = Families[i];
            if (!pattern.IsMatch(paragraph)) continue;
            score += weight;
            families++;
            if (i < AnchorFamilies) anchored = true;
        }
        return score;
    }

    // Remaining[i]: the most the families from i on can still add.
    private static readonly double[] Remaining = [.. Enumerable.Range(0, Sources.Length).Select(i => Sources.Skip(i).Sum(f => f.Weight))];

    // The first four families are anchors.
    private const int AnchorFamilies = 4;

    // The paragraph holding the anchor: bounded by blank lines, and at most MaxParagraph characters either side.
    private static (int From, int End) Paragraph(string text, int start, int length)
    {
        var from = Math.Max(0, start - MaxParagraph);
        var before = text.AsSpan(from, start - from).LastIndexOf("\n\n");
        if (before >= 0) from += before + 2;
        var end = Math.Min(text.Length, start + length + MaxParagraph);
        var after = text.AsSpan(start + length, end - start - length).IndexOf("\n\n");
        if (after >= 0) end = start + length + after;
        return (from, end);
    }
}
