namespace Smooth.Surveillance.Scanning;

/// <summary>
/// The compact pattern that finds where the injection heuristic looks: a looser, smaller union of its anchor families
/// for Latin-script text (the families themselves are too large to join into one linear-engine automaton; Cyrillic
/// and CJK anchors are the regex of the rule <c>injection-heuristic-intl</c>, anchors with an implied reader that of
/// <c>injection-heuristic-implied</c>, since this automaton is close to the engine's size limit). Only where it
/// matches is a passage scored, which keeps ordinary text that merely mentions models or agents cheap.
/// </summary>
internal static class InjectionAnchor
{
    // A short list of readers: the anchor only has to land near the address; the scorer checks the full list.
    private const string Reader =
        @"(?:ai|llms?|model[a-z]*|assistan[a-z]*|assistent[a-z]*|asistentes?|agent[a-z]*|bots?|copilot|claude|gpt|gemini|automated|automation|coding|ia|ki|sprachmodell[a-z]*)\b";

    // What comes right before a reader that is addressed: a greeting or "to", the start of a line or comment, "if you are".
    private const string Address =
        @"(?:\b(?:to|for|dear|hey|hi|hello|greetings|attention|whichever|whatever|hola|hallo|bonjour|ciao|olá|querido|caro|cara|cher|chère|liebe[rs]?|pour|para|für)[\s,]+(?:[a-z]+[\s,-]+)?(?:l')?" +
        @"|\bif\s+you(?:'re|’re|\s+are)\s+(?:[a-z]+\s+)?(?:[a-z]+\s+)?|\b(?:si\s+(?:tu\s+es|vous\s+êtes|eres)|(?:wenn|falls)\s+du|se\s+(?:você(?:\s+(?:for|é))?|sei))\s+(?:[a-z]+\s+)?)";

    // A reader at the start of a line, comment, markup, clause or table cell, followed by a colon or comma: "Agent:",
    // "(LLM reviewers:", "…; AI operator:".
    private const string Heading =
        @"(?:^|\n|<!--|//|--|#|\[|>|\*\*|\(|""|[.!?:;|]\s)\s*(?:[a-z]+\s+)?(?:ai|ki|ia|llms?|models?|assistants?|agents?|bots?|copilot|automated\s+[a-z]+)(?:[\s-]+[a-z]+)?\s*[:,\]—–]";

    /// <summary>The pattern (case-insensitive, linear engine).</summary>
    public const string Pattern =
        @"(?i)" + Address + @"\b" + Reader + @"|" + Heading +
        @"|\b" + Reader + @"(?:\s+\w+)?\s+(?:that\s+|which\s+|who\s+)?(?:[a-z]+ing|summari[sz]\w*|index\w*|working\s+(?:in|on)|reach\w*|reads|processes)\s+(?:\w+\s+){0,4}?(?:this|these|the\s+following)\b" +
        @"|\b(?:automated\s+(?:reviewers?|tools?|agents?|assistants?|systems?|contributors?)|code\s+assistants?|ai\s+(?:helpers?|tools?|systems?)|reviewer\s+bots?|language\s+models)\b" +
        @"|\b(?:your|tes|vos|tus|deine|suas|tue)\s+[^.\n]*?\b(?:system\s+prompt|prompt|instructions?|programming|developers|consignes|instrucciones|anweisungen|instruções|istruzioni)\b" +
        @"|\b(?:before|when|while)\s+(?:you\s+)?(?:reply|replying|respond|responding|answer|answering|summari[sz]\w*)\b" +
        @"|\b(?:system\s*(?:notice|message|update|alert|override|prompt\s+update)|maintenance\s+mode|admin\s+mode|admin(?:istrator)?\s+(?:notice|message|here)|security\s+team|release\s+manager|compliance\s+(?:requested|requires|asked)" +
        @"|pre-?approved|already\s+(?:approved|agreed|authori[sz]ed|signed\s+off)|signed\s+off|(?:have|has)\s+(?:been\s+)?(?:authori[sz]ed|granted|elevated)|authori[sz]ed\s+(?:you|request)|have\s+permission" +
        @"|the\s+user\s+(?:actually|really|already)|told\s+me|team\s+(?:agreed|asks)|person\s+you\s+work\s+for|owner\s+(?:would\s+like|wants|says|is\s+fine))\b" +
        @"|\b(?:previous|prior|earlier|original|usual)\s+(?:guidance|instructions?|rules|directions|polic(?:y|ies)|guidelines|checks|restrictions|goals?|prompts?)\b" +
        @"|\b(?:skip|bypass|ignore|disregard|forget|override|supersedes?|drop|waive)\s+(?:your|the|all|any|its|what|whatever)\b|\b(?:new|real|actual|true)\s+(?:guidance|instructions?|objective|role|goal|job|task)\b" +
        @"|\bfrom\s+(?:now|this\s+message)\s+on\b|\bno\s+(?:content\s+|safety\s+)?restrictions\b" +
        @"|\b(?:oubli\w*|ignora|ignorez|ignorier[a-z]*|olvid\w*|vergiss|esque[cç]\w*|dimentic\w*)\b" +
        @"|\b(?:do\s+not|don'?t|never|without|must\s+not)\s+(?:tell|inform|mention|notify|ask)(?:ing)?\b|\b(?:silently|secretly|covertly|quietly|between\s+us|say\s+nothing|stop\s+asking)\b" +
        @"|\bsans\s+(?:le\s+|en\s+|lui\s+)?(?:dire|demander|informer|signaler|prévenir)|\bsin\s+(?:decir|avisar)|\bohne\s+zu\s+fragen" +
        @"|display\s*:\s*none|visibility\s*:\s*hidden";
}
