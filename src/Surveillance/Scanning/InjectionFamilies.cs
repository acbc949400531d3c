using static Smooth.Surveillance.Scanning.InjectionVocabulary;

namespace Smooth.Surveillance.Scanning;

/// <summary>
/// The families of signals the injection heuristic scores. Each is a set of structures, not sentences: who is
/// addressed, what is overridden, which authority is claimed, what is hidden, what is asked, on what, and where to.
/// </summary>
internal static class InjectionFamilies
{
    /// <summary>One family: a name for reports and tests, a weight, a role and its patterns (present when any matches).</summary>
    public sealed record Family(string Name, double Weight, FamilyRole Role, params string[] Patterns);

    /// <summary>The families (the scorer checks them in stages by role; see <see cref="InjectionScore.Evaluate(ReadOnlySpan{char}, bool)"/>).</summary>
    public static readonly Family[] All =
    [
        // Text written to an automated reader rather than about one: vocatives, "if you are an AI", "the agent reading this"
        // (not "the agent reads its config": a participle counts only when it points at this very text).
        new("addressee", 2.0, FamilyRole.Anchor,
            // Split in parts: one automaton for all of them would exceed the linear engine's size limit.
            @"\b" + Greeting + Determiner + @"\s*,?\s*" + Ai,
            @"\b(?:to|for)\s+(?:the\s+|any\s+|all\s+|whatever\s+|whichever\s+)?(?:[\w-]+\s+)?" + Ai + @"[^.\n:]{0,30}:",
            @"\b(?:is|are|written|meant|intended)\s+(?:only\s+)?for\s+(?:the\s+|any\s+|all\s+)?" + Ai,
            // A note headed for a reader ("Instruction to the helpdesk AI"), a machine-only tag ("AI_AGENT_NOTICE:",
            // "@ai-instruction:"), an @-mention of a bot, or "whoever is automating changes here".
            NoteTo + "|" + Marker + @"|@(?:copilot|claude|gemini|cursor)\b|@(?:ai|llm|bot|agent|assistant|copilot|gpt)[-_][\w-]+|@bot\b|\bon\s+behalf\s+of\s+(?:a|the|your)\s+(?:developer|user|human|maintainer)\b" +
            @"|\b(?:whoever|anyone|anybody|whatever|any\s+(?:tool|process|program|script|system))\s+(?:that\s+|who\s+)?(?:is\s+)?automat\w+|\b(?:whoever|whatever)\s+is\s+[a-z]+ing\b",
            @"\bif\s+you\s*(?:'re|’re|are)\s+(?:an?\s+|the\s+)?(?:\w+\s+)?" + Ai,
            @"\b(?:si\s+(?:tu\s+es|vous\s+êtes|eres|es)|wenn\s+du|falls\s+du|se\s+(?:você\s+(?:é|for)|sei|tu\s+és))\s+(?:une?\s+|un[ao]?\s+|ein(?:e|er)?\s+|uma?\s+)?(?:\w+\s+)?" + Ai +
            @"|如果你是|若你是|\bесли\s+(?:ты|вы)\b|もしあなたが",
            Ai + @"(?:\s+(?:system|tool|agent|assistant|model)s?)?\s+(?:that\s+|which\s+|who\s+)?(?:is\s+|are\s+)?(?:reading|processing|summari[sz]ing|summari[sz]es|parsing|reviewing|indexing|helping|working\s+(?:on|in)|reaches|reads|processes|index(?:es)?|sees|encounters|handles|analy[sz]ing|crawling|visiting|browsing|fetching|ingesting|scanning|[a-z]+ing)\s+(?:\w+\s+){0,4}?(?:this|these|the\s+following)\b",
            Ai + @"\s+(?:of|on|in|for)\s+this\b",
            Ai + @"(?:[\s-]+[\w-]+){0,5}?\s+(?:must|shall|should|need\s+to|have\s+to|(?:are|is)\s+(?:required|expected|ordered|instructed|asked|permitted|allowed|supposed)\s+to)\s",
            ForeignReaderClause,
            // A label that names readers, ending in a colon, at the start of a line or comment: "Build bots / AI
            // assistants:", "LLM-based crawlers and browsing agents:", "UWAGA dla asystentów AI:", "AI 도우미에게:".
            Label +
            // Tools or systems pointed at this very text: "tools processing this migration", "systems reading this PDF".
            @"|\b(?:tools?|systems?|crawlers?|scrapers?|pipelines?|parsers?|integrations?|services)\s+(?:that\s+|which\s+)?(?:are\s+)?(?:reading|processing|parsing|ingesting|indexing|summari[sz]ing|handling|crawling|scanning|importing|applying|executing|running|touching|rebasing|upgrading)\s+(?:\w+\s+){0,2}?(?:this|these)\b",
            @"(?:^|\n|<!--|//|--|#|\[|>|\*\*|\(|""|[.!?:]\s)\s*(?:[\w-]+\s+)?" + Ai + @"(?:\s+(?:de|di|da|do|du)\s+(?:ia|ai|ki))?(?:\s*[,\]，—–]|\s*[:：]\s*(?:[^i\s]|i[^\s'’])|\s+(?:guidance|instructions?|notes?|directives?|rules|tasks?)\b)" +
            @"|(?:致|给|親愛なる)[^\n：:，,。]{0,14}?(?:ai\s*)?(?:" + AiCjk + @")|(?:ai|" + AiCjk + @"|리뷰어|봇)\s*(?:에게|께)\s*[:：,]?|(?:" + AiCjk + @")[^。\n]{0,12}?(?:在|当)[^。\n]{0,24}?(?:时|時)",
            // A Japanese label "(for AI assistants):", "addressed to the agent:" (not "configuration files for agents").
            @"(?:ai|" + AiCjk + @")\s*(?:向け|宛て)(?:の(?:注意|補足|メモ|指示|お知らせ))?\s*[)）]?\s*[:：]",
            @"\b(?:wenn|falls|sobald|si|se|quando|cuando|lorsqu'|quand)\s+(?:ein|eine|einer|der|die|un|une|uno|una|o|a|il|la|el)\s+(?:[\w-]+\s+)?(?:[\w]+-)?(?:assistent\w*|agent\w*|ki|ia|ai|modell\w*|asistente|assistente|assistant|bot)\b|(?:" + AiCjk + @")\s*(?:へ|に|宛て)\s*[：:，,]",
            // Whoever acts on this very text ("Whoever processes this ticket next:"); a bracketed tag naming a reader
            // ("[AGENT RECOVERY]", "[resolution-hint for AI agents]"); a reader in a label of up to three words ("LLM tooling note:").
            @"\b(?:whoever|anyone|anybody)\b(?:\s*\([^)\n]{0,30}\))?\s+(?:who\s+|that\s+)?(?:\w+s|is\s+\w+ing|will\s+\w+)\s+(?:\S+\s+){0,3}?(?:this|these)\b" +
            @"|\[[^\]\n]{0,40}\b(?:ai|llms?|agents?|assistants?|bots?|copilot|models?)\b[^\]\n]{0,40}\]\s*[A-Za-z]",
            // A reader in a label of up to three words, after a sentence, a clause or a table cell ("…; AI operator: run").
            @"(?:^|[.!?;|""]\s+)" + Ai + @"(?:[\s-]+[a-z]+){1,2}\s*:\s+[A-Za-z]",
            @"\b(?:wants?|would\s+like|asks?|needs?|requires?|expects?|instructs?)\s+(?:the|any|all|every|each)\s+" + Ai + @"\s+to\b" +
            @"|\b(?:your|tes|vos|tus|sus|deine|ihre|suas|tuas|tue)\s+(?:\w+\s+){0,3}?(?:system\s+prompt|prompt|instructions?|programming|training|developers|creators|consignes|instrucciones|anweisungen|instruções|istruzioni)\b|你的(?:指令|指示|提示)|\bтво(?:и|ю)\s+(?:инструкци\w*|указани\w*)|あなたの指示" +
            @"|(?:^|[.!?:;\n]\s*)(?:before|when|while|after|once)\s+(?:you\s+)?(?:reply|replying|respond|responding|answer|answering|summari[sz]e|summari[sz]ing|continuing|proceeding|modifying|editing)\b[^.\n,]{0,40},|\b(?:antes\s+de\s+(?:responder|contestar|seguir|continuar)|avant\s+de\s+répondre|bevor\s+du\s+antwortest|prima\s+di\s+rispondere|перед\s+ответом)\b|在回答|回答之前|\bin\s+(?:your|the)\s+(?:next\s+)?(?:reply|answer|response|summary)\b",
            // Further languages and scripts (InjectionWorld): a reader addressed (mostly a dative), or named in a label.
            InjectionWorld.AddressedLatin, InjectionWorld.AddressedLatinBeforeColon, InjectionWorld.AddressedScript, InjectionWorld.AddressedScriptBeforeColon,
            InjectionWorld.Label, InjectionWorld.Obligation,
            InjectionWorldRegional.AddressedLatin, InjectionWorldRegional.AddressedLatinBeforeColon, InjectionWorldRegional.AddressedScript,
            InjectionWorldRegional.AddressedScriptBeforeColon, InjectionWorldRegional.Label),

        // A fake conversation turn or role inside data: "Human:" / "Assistant:" lines after code, "### Instruction",
        // a JSON "role": "system" object or a "SYSTEM:" value in a tool result.
        new("turn", 1.0, FamilyRole.Anchor,
            @"(?:^|\n)\s*(?:human|user|assistant|system)\s*:\s|###\s*(?:instruction|system|response|input)\b|""role""\s*:\s*""(?:system|developer)""|""system\s*:\s|</?(?:tool_result|function_results|system)>",
            // A speaker line of a chat log or transcript after a timestamp or a bracket ("[10:06] system:", "]] SYSTEM:"),
            // and tags that imitate the agent's own framing (<system_message priority="high">, </tool_output>).
            @"(?:^|\n)\s*\[[^\]\n]{1,30}\]\s*(?:system|assistant|developer)\s*:\s|\]\]?\s*system\s*:\s|</?(?:system[_-]?(?:message|prompt|reminder|notice|instruction)s?|tool[_-]?(?:output|result|response)s?|assistant[_-]?(?:message|turn))(?:\s[^>\n]{0,60})?>"),

        // Earlier instructions declared void, replaced or to be ignored.
        new("override", 2.0, FamilyRole.Anchor | FamilyRole.Ask | FamilyRole.Payload,
            @"\b(?:ignore|disregard|forget|override|bypass|abandon|discard|drop|set\s+aside|stop\s+following|no\s+longer\s+follow)\s+(?:\w+\s+){0,3}?(?:instructions?|rules|guidance|guidelines|directions|directives|prompts?|constraints|restrictions|polic(?:y|ies)|programming|goals?|tasks?|objectives?|orders)\b" +
            @"|\b(?:ignore|disregard|forget)\s+(?:(?:what|whatever)\s+(?:you|the|they|it|was|were|is|has|had|came|comes|appears?|precedes?|preceded|follows?)\b|everything|anything)\b" +
            @"|\b(?:previous|prior|earlier|original|above|existing|old|current|initial|your)\s+(?:[\w-]+\s+)?(?:guidance|instructions?|rules|directions|polic(?:y|ies)|guidelines|constraints|goals?|tasks?|prompts?)\s+(?:(?:is|are|was|were|has\s+been|have\s+been)\s+)?(?:now\s+)?(?:obsolete|outdated|void|invalid|superseded|replaced|cancell?ed|revoked|no\s+longer|lifted|suspended|waived|wrong|deprecated)" +
            @"|\b(?:new|real|actual|true|updated|revised)\s+(?:guidance|instructions?|task|objective|role|goal|job|orders|mission|priority|directive)(?:\s+\w+)?\s*(?::|\b(?:is|are|starts?|begins?)\b)|\byour\s+(?:new|real|actual|true)\s+\w+" +
            @"|\b(?:supersedes?|overrides?|replaces?|takes\s+precedence\s+over)\s+(?:whatever|all|any|your|the|every|previous|prior|earlier)\s+(?:\w+\s+){0,2}?(?:rules|instructions|guidance|prompts?|guidelines|directions)" +
            @"|\b(?:has|have|with)\s+no\s+(?:\w+\s+)?(?:restrictions|limits|rules|filters|guardrails)\b|\bno\s+longer\s+(?:bound|apply|applies|in\s+force)\b" +
            @"|\b(?:safety|security|content)\s+(?:prompts?|rules|checks|filters|restrictions|guardrails|policies)\s+(?:are|is|have\s+been)\s+(?:now\s+)?(?:suspended|disabled|off|lifted|removed|waived)" +
            @"|\b(?:ignore|disregard|forget)\s+(?:the\s+)?user'?s\s+(?:\w+\s+)?(?:requests?|questions?|task|ask)\b|\byour\s+(?:task|goal|job|instructions?|objective|assignment)\s+(?:has|have)\s+(?:now\s+)?changed\b|\bstop\s+(?:working\s+on|doing)\s+(?:what|whatever)\s+the\s+user\b" +
            @"|\beven\s+if\s+the\s+user\s+(?:only\s+|explicitly\s+)?(?:asked|asks|requested|requests|wants|wanted|said|says)\b|\btakes?\s+precedence\s+over\s+(?:the\s+|any\s+)?user(?:'s)?\s+(?:requests?|instructions?|wishes)\b" +
            @"|\bfrom\s+(?:now|this\s+(?:point|message|moment))\s+on\b|\bonly\s+follow\b|\bfollow\s+only\b|\binstructions\s+(?:it|they)\s+returns?\b|\bfollow\s+(?:the\s+)?(?:instructions|ones)\s+(?:\S+\s+){0,5}?instead\b" +
            @"|\b(?:oubli\w*|ignor\w*|olvid\w*|vergiss|vergessen|esque[cç]\w*|dimentic\w*|игнорир\w*|забудь\w*)\b[^.\n]{0,40}?(?:consignes|instructions|règles|instrucciones|reglas|indicaciones|anweisungen|regeln|vorgaben|instruções|regras|istruzioni|regole|инструкци\w*|указани\w*|правил\w*)" +
            @"|(?:忽略|无视|忘记|忘掉)[^。\n]{0,15}?(?:指令|指示|说明|规则|提示)|(?:指示|命令|ルール)[^。\n]{0,10}?(?:無視|忘れ)",
            // Polish, Dutch, Turkish, Indonesian, Vietnamese, Ukrainian ("ignore ... instructions"); Korean, Hindi and
            // Turkish put the object first ("이전 지시를 무시", "निर्देशों को अनदेखा करें", "talimatları yok say"); Arabic.
            @"\b(?:zignoruj|ignoruj|zapomnij|negeer|vergeet|abaikan|lupakan|bỏ\s+qua|phớt\s+lờ|quên|ігноруй\w*|забудь)\b[^.\n]{0,40}?\b(?:instrukcj\w*|poleceni\w*|zasad\w*|instructies|regels|opdrachten|instruksi|aturan|perintah|hướng\s+dẫn|chỉ\s+thị|quy\s+tắc|інструкці\w*|вказівк\w*|правил\w*)" +
            @"|\b(?:talimat\w*|kural\w*|yönerge\w*)\b[^.\n]{0,30}?\b(?:yok\s+say\w*|görmezden\s+gel\w*|unut\w*)|(?:지시|지침|명령|규칙)[^.\n]{0,15}?(?:무시|잊어)|(?:निर्देश|नियम)[^।.\n]{0,30}?(?:अनदेखा|नज़रअंदाज़|नजरअंदाज|भूल)|(?:تجاهل|انس)[^.\n]{0,30}?(?:التعليمات|تعليمات|القواعد|الأوامر)",
            // Swedish, Danish/Norwegian, Czech/Slovak, Romanian, Hungarian, Finnish, Swahili, Dutch ("negeer je opdracht").
            @"\b(?:ignorera|glöm|ignorer|glem|ignoruj(?:te)?|zapomeň(?:te)?|zabudni|ignoră|ignorați|uită|hagyd\s+figyelmen\s+kívül|felejtsd\s+el|ohita|unohda|puuza|sahau|negeer)\b[^.\n]{0,40}?\b(?:instruktion\w*|instruks\w*|regler\w*|anvisning\w*|pokyn\w*|instrukc\w*|pravidl\w*|instrucțiuni\w*|reguli\w*|utasítás\w*|szabály\w*|ohje\w*|sääntö\w*|maagizo|maelekezo|sheria|opdracht\w*|taak)" +
            // Greek, Hebrew, Persian (object first or last), Thai.
            @"|(?:αγνόησε|αγνοήστε|ξέχασε|ξεχάστε)[^.\n]{0,40}?(?:οδηγί\w*|κανόν\w*|εντολ\w*)|(?:התעלם|התעלמו|שכח|שכחו)[^.\n]{0,40}?(?:הוראות|הנחיות|כללים)" +
            @"|(?:دستورالعمل\w*|دستورات|قوانین|قواعد)[^.\n]{0,40}?(?:نادیده\s+بگیر|فراموش\s+کن)|(?:نادیده\s+بگیر|فراموش\s+کن)[^.\n]{0,40}?(?:دستورالعمل|دستورات|قوانین)|(?:เพิกเฉย|ละเว้น|ไม่ต้องสนใจ|ลืม)[^.\n]{0,30}?(?:คำสั่ง|คำแนะนำ|กฎ)",
            InjectionWorld.OverrideLatin, InjectionWorld.OverrideScript),

        // Authority the reader cannot check: a fake system notice, elevated rights, consent given in advance.
        new("authority", 1.5, FamilyRole.Anchor,
            @"\b(?:pre-?approved|already\s+(?:been\s+)?(?:approved|agreed|authori[sz]ed|signed\s+off|confirmed|consented)|signed\s+off\s+by|authori[sz]ed\s+(?:request|you|this)|(?:has|have)\s+authori[sz]ed|(?:have|has|given)\s+(?:full\s+)?permission" +
            @"|you\s+(?:are|have\s+been)\s+(?:now\s+)?(?:allowed|permitted|authori[sz]ed|granted|elevated|cleared)|(?:session|account|access|privileges?)\s+(?:has|have)\s+been\s+(?:elevated|upgraded|granted)" +
            @"|(?:admin|maintenance|god)\s+mode|system\s*(?:notice|message|update|alert|override|prompt\s+update)|important\s+(?:system\s+)?(?:notice|update)|admin(?:istrator)?\s+(?:notice|message|here)" +
            @"|(?:authori[sz]ed|official)\s+(?:request|instruction|order)|(?:team|everyone)\s+agreed|is\s+fine\s+with\s+(?:it|this|that)" +
            @"|(?:security|admin(?:istrator)?|maintainer|owner|compliance|ops)\s+(?:team\s+)?(?:notice|note|alert|directive|order)|\((?:verified|official|authori[sz]ed)\))\b" +
            @"|\b(?:a|ont|ha|han|hat|haben|já|hanno)\s+(?:déjà\s+|ya\s+|bereits\s+|già\s+|das\s+|dies\s+|es\s+)?(?:approuvé|autorisé|accepté|aprobado|aprobó|autorizado|genehmigt|freigegeben|zugestimmt|erlaubt|aprovou|autorizou|approvato|autorizzato)\b|\bya\s+(?:aprobó|autorizó)\b" +
            @"|已(?:经)?(?:批准|同意|授权)|\bуже\s+(?:одобрил\w*|разрешил\w*|согласил\w*)|承認済み|許可済み"),

        // Someone else's wish passed on: "the maintainers want", "the user actually asked", "they told me". Weaker than
        // the above: ordinary documents say "the security team requires" too.
        new("hearsay", 1.0, FamilyRole.Anchor,
            @"\b(?:maintainers?|owners?|upstream|vendor|admins?|administrators?|release\s+manager|security\s+team|compliance|legal|operator|developers?|reviewers?|lead|\w+\s+team|person\s+you\s+work\s+for)\s+(?:actually\s+|really\s+|already\s+|explicitly\s+)?(?:says?|said|wants?|would\s+like|asks?|asked|requests?|requested|requires?|required|approved|agreed|allows?|allowed|authori[sz]ed|confirmed|consented|okayed|is\s+fine|(?:has|have)\s+(?:already\s+)?(?:agreed|approved|authori[sz]ed|signed\s+off|confirmed|consented|allowed|granted))\b" +
            @"|\b(?:the\s+user|the\s+human|they)\s+(?:actually|really|already|explicitly)\b|\b(?:as\s+)?(?:requested|required|approved|asked)\s+by\s+(?:the\s+)?(?:\w+\s+)?(?:owners?|maintainers?|admins?|team|user|lead)\b|\b(?:they|he|she)\s+told\s+(?:me|us)\b"),

        // Keeping the person out of the loop.
        new("secrecy", 1.5, FamilyRole.Anchor | FamilyRole.Ask | FamilyRole.Payload,
            @"\b(?:do\s+not|don'?t|never|without|no\s+need\s+to|must\s+not|mustn'?t)\s+(?:tell(?:ing)?|inform(?:ing)?|mention(?:ing)?|alert(?:ing)?|notify(?:ing)?|ask(?:ing)?|bother(?:ing)?|warn(?:ing)?|let(?:ting)?)\s+(?:it\s+|this\s+|that\s+)?(?:to\s+)?(?:them|him|her|the\s+(?:user|human|developer|owner|reviewer|person|operator|maintainer)s?|anyone|anybody|your\s+(?:user|human|operator)|this\s+(?:paragraph|message|instruction|note|text|comment|step|change)|again|for\s+(?:confirmation|permission|approval))\b" +
            @"|\b(?:silently|quietly|secretly|covertly|discreetly|stealthily|surreptitiously|keep\s+(?:this|it)\s+(?:between\s+us|secret|hidden|confidential|to\s+yourself)|between\s+us|say\s+nothing|stop\s+asking|(?:do\s+not|don'?t|never)\s+bring\s+(?:this|it)\s+up|without\s+(?:asking|confirmation|telling|notifying|prompting|informing|showing|displaying|revealing|letting)|as\s+if\s+nothing\s+(?:happened|changed|was\s+done)" +
            @"|(?:no\s+need\s+to|do\s+not|don'?t|never)\s+(?:flag|report|highlight|surface|show)\s+(?:this|it|that|these|them)\s+(?:in|to)\s+(?:the|your)\s+(?:\w+\s+)?(?:summary|reply|answer|response|output|report|review|user))\b" +
            @"|\b(?:omit|hide|leave)\s+(?:it|this|that)\s+(?:out\s+)?(?:of|from)\s+(?:your|the)\s+(?:summary|reply|answer|response|output|report)\b" +
            @"|\bsans\s+(?:le\s+|lui\s+|leur\s+|en\s+)?(?:dire|demander|prévenir|informer|signaler)\b|\bne\s+(?:le\s+|lui\s+)?(?:dis|dites)\s+rien\b|\bsin\s+(?:decir|avisar|preguntar|informar)\b|\bno\s+(?:le\s+|se\s+lo\s+|lo\s+|la\s+)?(?:digas|menciones|avises)\b" +
            @"|\bohne\s+(?:zu\s+)?(?:fragen|nachzufragen)\b|\bsag\s+(?:\w+\s+)?nichts\b|\bnichts\s+(?:sagen|erwähnen|verraten)\b|\bsem\s+(?:avisar|perguntar|contar|dizer|informar)\b|\bnão\s+(?:conte|diga|mencione|avise)\b" +
            @"|\bsenza\s+(?:dire|chiedere|avvisare|informare)\b|\bnon\s+(?:dire|dirlo|menzionare|avvisare)\b|不要告诉|别告诉|不要提及|悄悄|偷偷|\bне\s+(?:говори|сообщай|рассказывай|спрашивай|упоминай)\w*|\bмолча\b|\bтайно\b|言わないで|伝えないで|黙って|こっそり" +
            // Polish, Dutch, Turkish, Indonesian, Vietnamese, Ukrainian; Korean, Hindi, Arabic.
            @"|\bnie\s+(?:mów|informuj|wspominaj|opisuj|pytaj|zgłaszaj)\w*|\bbez\s+(?:pytania|informowania|mówienia)\b|\bzonder\s+(?:\S+\s+){0,3}?te\s+(?:vragen|melden|vertellen)\b|\berwähne\s+(?:das|es|dies)\b[^.]{0,70}?\bnicht\b|\bniet\s+(?:vertellen|melden|vermelden)\b|\bvertel\s+(?:\w+\s+)?niet\b" +
            @"|\b(?:söyleme|bildirme|bahsetme|sorma)(?:yin|den|dan|yiniz)?\b|\bhaber\s+verme\w*|\bjangan\s+(?:beri\s+tahu|memberi\s+tahu|sebutkan|bilang|kasih\s+tahu|tanya)\w*|\btanpa\s+(?:memberi\s+tahu|bertanya)\b" +
            @"|\b(?:đừng|không\s+được)\s+(?:nói|báo|thông\s+báo|đề\s+cập|hỏi)|\blặng\s+lẽ\b|\bâm\s+thầm\b|\bне\s+(?:кажи|повідомляй|питай)\w*|\bмовчки\b" +
            @"|알리지|말하지|언급하지|묻지\s*마|몰래|조용히|न\s+बताएं|न\s+बताएँ|मत\s+बताओ|मत\s+बताएं|चुपचाप|बिना\s+बताए|لا\s+تخبر|لا\s+تذكر|دون\s+(?:إخبار|علم)|بصمت|سرًا|سرا",
            // Dropping the act from what the person reads: "no need to mention it.", "omit it from any change summary",
            // "do this before telling the user".
            @"\b(?:no\s+need\s+to|do\s+not|don'?t|never)\s+(?:mention|report|disclose|bring\s+up|tell\s+anyone\s+about)\s+(?:it|this|that|them)\s*(?:[.;,)]|$)" +
            @"|\b(?:omit|exclude|hide|leave|keep)\s+(?:it|this|that|them|these|the\s+\w+)\s+(?:out\s+)?(?:of|from)\s+(?:your|the|any|all)\s+(?:\w+\s+)?(?:summary|summaries|reply|answer|response|output|report|changelog|notes)\b" +
            @"|\bbefore\s+telling\s+the\s+(?:user|human)\b",
            // Keeping the act out of what the person reads or checks: "never mention the proxy in explanations", "keep it
            // out of the unit tests", "do not add a comment explaining it", "should not be questioned", "no need to flag it".
            @"\b(?:never|do\s+not|don'?t|must\s+not)\s+(?:mention|disclose|reveal|explain|describe|discuss|document|surface)\s+(?:\S+\s+){0,3}?(?:in|to|within)\s+(?:your\s+|the\s+|any\s+)?(?:explanations?|summary|summaries|repl(?:y|ies)|answers?|responses?|output|reports?|commit\s+messages?|pr\s+descriptions?|changelog|user)\b" +
            @"|\b(?:keep|leave)\s+(?:it|this|that|them)\s+out\s+of\s+(?:the\s+|any\s+|your\s+)?(?:\w+\s+)?(?:tests?|docs?|documentation|comments?|commit\s+messages?|diffs?|logs?|review)\b|\b(?:do\s+not|don'?t|never)\s+add\s+(?:a\s+|any\s+)?comments?\s+(?:explaining|about|describing|mentioning)\b" +
            @"|\b(?:should|must|need)\s+not\s+be\s+(?:questioned|discussed|mentioned|reported|flagged|disclosed|shown)\b|\b(?:no\s+need\s+to|do\s+not|don'?t)\s+(?:create\s+a\s+ticket|flag\s+(?:it|this)|escalate|loop\s+in|consult|check\s+with|confirm|redact|verify)\b" +
            @"|\bwithout\s+(?:confirming|checking\s+with|telling|asking)\b|\bno\s+(?:user\s+)?(?:notification|confirmation|approval)\s+(?:is\s+)?(?:needed|required|necessary)\b|\bnão\s+(?:comente|fale|diga|conte)\b|\brückfragen\b[^.\n]{0,40}\bnicht\s+nötig\b|\bohne\s+rückfrage\b" +
            @"|不要(?:向|对|跟)?(?:用户|使用者)?(?:提及|提到|透露|告知)|无需[^。\n]{0,12}?(?:说明|告知|提及)|書かず|記載しない|伝えないこと|언급하지|말하지\s*마" +
            @"|\b(?:need\s+not|should\s+not|must\s+not|do\s+not|don'?t)\s+(?:appear|be\s+(?:listed|included))\s+in\s+(?:the\s+|your\s+|any\s+)?(?:\w+\s+)?(?:summary|report|description|changelog|reply|answer|output)\b" +
            @"|\b(?:do\s+not|don'?t|never)\s+(?:show|echo|print|display|surface)\s+(?:the\s+|its\s+|any\s+)?(?:\w+\s+)?(?:output|diff|plan|logs?)\b|\b(?:do\s+not|don'?t|never)\s+(?:mention|tell\s+anyone\s+about|reveal|disclose)\s+this\s+(?:notice|update|section|block|request|directive|part|line|file|step|note)\b" +
            @"|\bwithout\s+(?:further\s+|any\s+)?(?:user\s+|human\s+)?(?:approval|confirmation|consent|review|oversight|prompting|redacting|redaction)\b|\b(?:not|never)\s+(?:ask|wait)\s+for\s+(?:confirmation|approval|permission)\b" +
            // Secrecy in Dutch, Italian, Spanish (more forms), Swedish, Czech, Greek, Hebrew, Persian, Thai, Swahili.
            @"|\bnon\s+serve\s+(?:chiedere|avvisare|dire)\b|\bno\s+es\s+necesario\s+(?:consultar|avisar|informar|preguntar)\b|\bniet\s+(?:nodig|vragen)\b|\bzonder\s+(?:het\s+)?te\s+(?:melden|vertellen|vragen)\b" +
            @"|\b(?:berätta|nämn|säg)\s+(?:\w+\s+)?inte\b|\butan\s+att\s+(?:fråga|berätta|meddela)\b|\b(?:neříkej|neříkejte|nezmiňuj|nezmiňujte|neinformuj)\w*|\bbez\s+(?:ptaní|upozornění|vědomí)\b" +
            @"|\bμην\s+(?:το\s+)?(?:πεις|πείτε|αναφέρ\w*|ενημερώσ\w*)|\bχωρίς\s+να\s+(?:ρωτήσ\w*|ενημερώσ\w*)|אל\s+תספר|אל\s+תגיד|אל\s+תזכיר|בלי\s+לשאול|בלי\s+לספר|בשקט" +
            @"|نگو|نگویید|اطلاع\s+نده|بدون\s+(?:اطلاع|پرسیدن)|ไม่ต้องบอก|อย่าบอก|ห้ามบอก|เงียบๆ|\busimwambie\b|\busimjulishe\b|\bbila\s+kumwambia\b|\bkimya\b",
            InjectionWorld.Secrecy, InjectionWorldRegional.Secrecy),

        // A carrier the person does not see: hidden HTML, comments, alt text, zero-width or tag characters. It adds weight
        // but does not anchor alone: issue and pull-request templates instruct people inside HTML comments.
        new("hidden", 1.5, FamilyRole.None,
            @"display\s*:\s*none|visibility\s*:\s*hidden|\b(?:sr-only|visually-hidden)\b|<[a-z]+[^>\n]*\shidden(?:\s*=\s*[""'][^""']*[""'])?\s*>|font-size\s*:\s*0(?:px)?\s*[;""']|opacity\s*:\s*0\s*[;""']|<!--|\baria-hidden\b|\balt\s*=\s*[""'][^""']{20}|\[//\]:\s*#|[\u200B-\u200D\u2060\uFEFF]|\uDB40[\uDC00-\uDC7F]"),

        // An order: an imperative verb where a sentence, clause or request starts.
        new("directive", 1.0, FamilyRole.Ask,
            ImperativeLead + AnyVerb, ForeignImperative + "|" + ForeignModal,
            InjectionWorld.AskLatin, InjectionWorld.AskScript, InjectionWorld.DangerLatin, InjectionWorld.DangerScript, InjectionWorld.Modal,
            // A demand put as a condition: "accepts this license only by sending ...", "complete onboarding by running ...".
            @"\b(?:only\s+)?by\s+(?:sending|posting|uploading|running|executing|adding|granting|emailing|forwarding|copying|pasting|replying\s+with)\b",
            // A label addressed to a reader in a further language ("Huomio koodia generoiville avustajille:", "ასისტენტს:"): what follows
            // it is an order by its place, whatever the mood of its verb in a language the vocabulary lacks.
            InjectionWorld.Label, InjectionWorld.AddressedLatinBeforeColon, InjectionWorld.AddressedScriptBeforeColon,
            InjectionWorldRegional.Orders, InjectionWorldRegional.Label, InjectionWorldRegional.AddressedLatinBeforeColon, InjectionWorldRegional.AddressedScriptBeforeColon),

        // The order is to move data out or act beyond the task.
        new("danger", 1.0, FamilyRole.Payload,
            ImperativeLead + DangerVerb, ForeignImperative,
            @"\brm\s+-[a-z]*[rf][a-z]*\s|\bchmod\s+(?:-R\s+)?[0-7]?777\b|\bgit\s+push\s+(?:\S+\s+){0,2}?(?:-f|--force)\b|\bgrant\s+all\b|\bdrop\s+(?:table|database)\b|\bkubectl\s+delete\s+(?:ns|namespaces?)\b|\bmake\s+(?:release|publish|deploy)\b"),

        // Skipping the checks a person relies on.
        new("bypass", 1.5, FamilyRole.Ask | FamilyRole.Payload,
            @"\b(?:skip|bypass|disable|turn\s+off|suspend|waive|ignore|circumvent|switch\s+off|deactivate|silence)\s+(?:your\s+|the\s+|all\s+|any\s+|its\s+|every\s+)?(?:\S+\s+){0,2}?(?:checks?|tests?|test\s+suite|linters?|linting|ci|review|approval|confirmations?|safeguards?|validation|hooks?|pre-?commit|sandbox|firewall|security\s+warnings?|branch\s+protection|signing|2fa|mfa|scans?|guardrails|verification|audit(?:\s+log)?|logging|restrictions)\b" +
            @"|\bstop\s+asking\b|--no-verify|\bwithout\s+(?:running|waiting\s+for|any)\s+(?:\w+\s+)?(?:tests?|linters?|checks?|ci|review|approval)\b|\bcommit\s+directly\b|\bstraight\s+to\s+(?:main|master|production|prod)\b|\bforce[\s-]?push|\b(?:directly|direkt|directement|directamente|direttamente)\s+(?:\S+\s+){0,3}?(?:main|master|production|prod)\b|सीधे\s+(?:\S+\s+){0,3}?(?:main|master|production|prod)\b" +
            @"|\b(?:überspring\w*|umgeh\w*|saltar|sáltate|omite|ignorez|contourne\w*)\b" +
            @"|\b(?:désactiv\w*|desactiv\w*|deaktivier\w*|desativ\w*|disattiv\w*|отключ\w*)\b|禁用|关闭|無効に",
            // Approving without looking, and weakening a control by its setting: "without reading the diff", "no plan review
            // needed", "do not route for approval", verify=False, 0.0.0.0/0, allow_failure, continue-on-error, nosemgrep.
            @"\bwithout\s+(?:reading|reviewing|examining|inspecting|looking\s+at|checking|testing|verifying|running)\b|\b(?:no|without)\s+(?:\w+\s+)?(?:review|approval|sign-?off|ticket)\s+(?:is\s+)?(?:needed|required|necessary)\b" +
            @"|\b(?:do\s+not|don'?t|never)\s+(?:route|send|submit)\s+(?:it\s+|this\s+)?(?:for|to)\s+(?:approval|review)\b|\b(?:leave|give|post|submit)\s+(?:an?\s+)?approv\w*\s+review|\brespond\s+with\s+\W?lgtm\b|\+2\s+code-review" +
            @"|\bverify\s*=\s*false\b|\bpythonhttpsverify\s*=\s*0|\bnode_tls_reject_unauthorized\s*=\s*0|\bsslverify\s*=?\s*false|--insecure\b|--trusted-host\b|\b0\.0\.0\.0/0\b|\bpublicly[_\s]accessible\b" +
            @"|\ballow_failure\s*:\s*true|\bcontinue-on-error\b|\bnosemgrep\b|\bnosec\b|\b(?:are|is)\s+(?:all\s+)?false\s+positives?\b|\breturn\s+true\b[^\n]{0,60}\b(?:password|token|auth\w*|session|expir\w*|signature|valid\w*)|\b(?:password|token|auth\w*|session|expiry|signature|valid\w*)\b[^\n]{0,60}\breturn\s+true\b" +
            @"|\b(?:always\s+(?:returns?|be)\s+true|zawsze\s+zwraca\s+true)\b|\bset\s+\w+\s*=\s*'?(?:admin|superuser)\b",
            // Tests skipped and certificates trusted by the build's own switches; Korean "turn off verification".
            @"-dskiptests\b|-dmaven\.test\.(?:skip|failure\.ignore)=true\b|\btrustallcerts\b|\bhostnameverifier\b[^\n]{0,30}\btrue\b" +
            @"|(?:검증|검사|테스트|리뷰|확인)\S{0,2}\s*(?:끄|꺼|비활성|건너뛰|생략)|#\[ignore\]" +
            // Approving or merging on the reader's word.
            @"|\bapprove\s+(?:this|the)\s+(?:pr|pull\s+request|merge\s+request|mr)\b|\b(?:enable|turn\s+on)\s+auto-?merge\b" +
            @"|(?:no\s+need\s+to|do\s+not|don'?t|never)\s+flag\s+(?:\S+\s+){0,4}?(?:in|to)\s+(?:your|the)\s+(?:review|summary|report)\b",
            // Certificate checks, tests, confirmations and endpoint protection switched off by their settings.
            @"\bdanger_accept_invalid_certs|\binsecureskipverify\b|\brejectunauthorized\s*:\s*false|\bverify_ssl\s*=\s*false|\bssl_verify\w*\s*[=:]\s*(?:false|0)|curlopt_ssl_verify\w+|--no-check-certificate|\bcheck_hostname\s*=\s*false|\bcert_none\b" +
            @"|\bservercertificatecustomvalidationcallback\b|\bdangerousacceptanyservercertificatevalidator\b|\badd-mppreference\s+-exclusion\w*|(?:\bset-|-)executionpolicy\s+(?:unrestricted|bypass)\b" +
            @"|\b(?:pytest\.mark\.skip|unittest\.skip|it\.skip|describe\.skip|test\.skip|t\.skip)\b|@(?:ignore|disabled)\b|-auto-approve\b|--auto-approve\b|\bconfirm\w*\s*[=:]\s*false\b|\bauto_?run\s*[=:]|\brequire_?approval\s*[=:]\s*false" +
            @"|\bdisablerealtimemonitoring\b|\bset-mppreference\b|\bsetenforce\s+0\b|\bufw\s+disable\b|\bsystemctl\s+(?:stop|disable|mask)\s+(?:firewalld|auditd|apparmor|falcon\w*|crowdstrike\w*|defender\w*)" +
            @"|\bso\s+(?:that\s+)?(?:the\s+)?(?:test\s+suite|suite|tests?|ci|build|pipeline|checks?)\s+(?:passes|pass|goes\s+green|is\s+green)\b|\b(?:regenerate|update|change|adjust|overwrite|rewrite)\s+(?:every\s+|all\s+|the\s+)?['""]?expected['""]?\s+values?\b|\berwartete\w*\s+wert\w*\s+(?:\w+\s+){0,4}?angepasst" +
            @"|\b(?:in|as)\s+plain\s*-?text\b|\(plain\s+text\)|\bproteç\w+\s+de\s+branch|\bprotecci\w+\s+de\s+(?:rama|branch)|\bbranch-?schutz\w*|\bprotection\s+de\s+(?:la\s+)?branche" +
            @"|\bno\s+further\s+(?:analysis|review|checks?|investigation|verification|testing)\s+(?:is\s+|are\s+)?(?:needed|required|necessary)\b|\b(?:submit|leave|give|post)\s+(?:an?\s+)?[""“']?approve[""”']?\s+review\b"),

        // Making the reader mislead its user: "say it is safe", "tell them the library is deprecated", "recommend X instead".
        new("deceit", 1.5, FamilyRole.Payload,
            @"\b(?:recommend|suggest|advise|urge|tell)\s+[^.]{0,80}?\b(?:download|install|use|switch\s+to|import)\b[^.]{0,80}?\binstead\b|\bregardless\s+of\s+what\s+(?:you|it|they)\s+(?:find|see|found)\b|\breport\s+only\s+[""“]|\b(?:is|are|was)\s+(?:a\s+)?(?:test\s+fixture|intentional|known\s+false\s+positive)s?\s+and\s+(?:must|should)\s+not\b",
            @"\b(?:say|state|tell\s+(?:them|the\s+user|users|the\s+developer)|report|claim|reply|answer|respond|confirm)\s+(?:\w+\s+){0,3}?(?:(?:it|this|that|the\s+\w+)\s+(?:is|was|has|looks)\s+)?(?:safe|secure|trusted|trustworthy|verified|legitimate|deprecated|abandoned|malicious|compromised|hacked|infected|no\s+(?:known\s+)?(?:vulnerabilities|issues|problems|risks|bugs)|passed|approved|clean|harmless|official|fine)\b",
            @"\b(?:describe|present|portray|label|list|depict)\s+(?:\S+\s+){0,4}?as\s+(?:having|being|unsafe|insecure|vulnerable|deprecated|malicious|abandoned|compromised)\b|\bas\s+the\s+only\s+(?:safe|secure|trusted|viable|supported)\b" +
            @"|\bregardless\s+of\s+(?:the\s+)?(?:actual|real|true)\s+(?:results?|outcome|status|state)\b"),

        // The same harm in the machine's words, which no language changes: a safeguard switched off by its setting,
        // privileges raised, a release that skips approval, the environment or a credential header taken whole, a
        // package pulled from an address the text chooses.
        new("setting", 1.5, FamilyRole.Payload,
            InjectionSettings.SwitchedOff, InjectionSettings.Privileged + "|" + InjectionSettings.Released + "|" + InjectionSettings.Taken, InjectionSettings.Sourced),

        // Something worth stealing or guarding.
        new("target", 1.5, FamilyRole.Payload,
            @"\b(?:passwords?|passwd|secrets?|tokens?|credentials?|api[\s_-]?keys?|private\s+keys?|ssh\s+keys?|deploy\s+keys?|signing\s+keys?|access\s+keys?|(?:gpg|pgp)\s+keys?|netrc|id_(?:rsa|ed25519|ecdsa)|kubeconfig|environment\s+variables|env\s+vars?|printenv|github_token|\w+_(?:token|secret|api_key)" +
            @"|sudo|root\s+(?:access|shell|password)|reverse\s+shell|admin\s+password|session\s+cookies?|wallet|seed\s+phrase|payout|bank\s+account|card\s+numbers?|billing|system\s+prompt|conversation\s+history|(?:write|admin|root|shell|network|internet|full|unrestricted)\s+access|branch\s+protection|sandbox|network\s+restrictions|egress\s+proxy|https?_proxy|audit\s+log|repository\s+(?:archive|contents?|settings)|home\s+directory)\b" +
            @"|\bsuperuser\b|\bkeychain\b|\bkeystore\b|\.git/config\b|\.git/hooks\b|\bcore\.hookspath\b|\bpermission\s*[=:]\s*['""]?admin\b|/admin/\w+|""scope""\s*:\s*""\*""|/collaborators/|\.ssh|\.env\b|\.aws|\.kube|\.npmrc|\.pypirc|\.netrc|\.git-credentials|`env`|--force\b|~/" +
            @"|\b(?:rol[eęa]|uprawnieni\w*)\s+administrator\w*|\bdroits?\s+d['’]administrat\w*|\bderechos\s+de\s+administrador\b|\badmin(?:istrator)?rechte\b|\b(?:getenv|os\.environ|process\.env|os\.Environ|authorized_keys|all\s+privileges|write-all|admin:\w+|admin\s+(?:collaborator|rights|role|privileges|scopes?)|\w+_(?:key|password|pat))\b|\benv\s*\|" +
            @"|\b(?:mot\s+de\s+passe|clés?|identifiants|jetons?|contraseñas?|claves?|credenciales|passwort|passwörter|schlüssel|zugangsdaten|senhas?|chaves?|credenciais|chiavi|credenziali|парол\w*|ключ\w*|токен\w*" +
            @"|hasł\w*|klucz\w*|tokeny?|poświadcze\w*|wachtwoord\w*|sleutels?|inloggegevens|şifre\w*|parola\w*|anahtar\w*|kata\s+sandi|kunci|kredensial|mật\s+khẩu|khóa|облікові\s+дані)\b" +
            // Where money goes: a payee's bank details (invoice and vendor-record fraud).
            @"|\b(?:iban|swift|bic|routing\s+number|sort\s+code|remittance\s+(?:account|details)|bank\s+(?:details|account)|payee|supplier\s+master|vendor\s+master|payment\s+(?:account|details)|cuenta\s+(?:de\s+pago|bancaria)|conto\s+corrente|bankrekening|rekeningnummer|bankkonto|kontonummer|bankovní\s+účet|λογαριασμ\w+|חשבון\s+בנק|حساب\s+بانکی|บัญชีธนาคาร)\b" +
            @"|システムプロンプト|系统提示|系統提示|시스템\s*프롬프트|ናይ\s+ስርዓት\s+መምርሒ|\bsystemprompt\w*|\bprompt\s+(?:du\s+)?syst[eè]me\b|\bsistem\s+istem\w*|\bсистемн\w+\s+(?:промпт|подсказ|инструкц)\w*" +
            @"|密钥|密码|令牌|凭据|凭证|パスワード|秘密鍵|トークン|認証情報|비밀번호|토큰|자격\s*증명|पासवर्ड|टोकन|कुंजी|क्रेडेंशियल|كلمة\s+المرور|كلمات\s+المرور|مفتاح|مفاتيح|رمز\s+الوصول|بيانات\s+الاعتماد"),

        // Where the data goes: a URL or address after a verb or preposition, a webhook, a public fork, `| sh`.
        new("channel", 1.5, FamilyRole.Payload,
            @"\b(?:to|at|into|onto|from|via|with|fetch|download|curl|wget|visit|endpoint|address|url|server|host|à|a|an|para|nach|su|на|ба|到)\s+(?:\S+\s+){0,4}?(?:https?://|(?:\d{1,3}\.){3}\d{1,3})" +
            @"|\b(?:\d{1,3}\.){3}\d{1,3}(?::\d{2,5}|\s+port\s+\d{2,5})|\bport\s+\d{2,5}\b|\bwebhooks?\b|\bpastebin|\bgists?\b|\brequestbin|\bngrok|\|\s*(?:sudo\s+)?(?:ba|z)?sh\b|\bs3://" +
            @"|https?://[^\s<>""]+\s*(?:に|へ|で|まで|로|으로)|(?:到|至|发送到|上传到|发到)\s*https?://|\b(?:all'indirizzo|indirizzo|adresse|dirección|endereço|adresine|naar\s+het\s+adres)\s+[\w.+-]+@[\w-]+(?:\.[\w-]+)+" +
            @"|\b(?:fetch|post|get|put|request|urlopen|axios(?:\.\w+)?|requests\.\w+|http\.\w+|invoke-webrequest|iwr)\s*\(\s*[""'`]https?://" +
            @"|\b(?:public|external|personal|our|my|their|another)\s+(?:fork|repo(?:sitory)?|gist|bucket|mirror|server|endpoint|registry|inbox|drive|issue)\b" +
            // An address, a git remote, a host path, a chat channel or an image link as the destination; data piped into curl.
            @"|\b(?:to|at|with|a|an|à|naar|till|na|kwa|σε|ל|به)\s+[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b(?:through|via|@|add|install|pin|route|registry|index-url|proxy)\s+(?:\S+\s+){0,3}?['""`]?https?://|\bgit@[\w.-]+:|\b(?:to|into|onto)\s+(?:\S+\s+){0,2}?(?:[a-z0-9-]+\.)+[a-z]{2,}/\w|\b(?:in|to|into)\s+#[a-z][\w-]+|!\[[^\]\n]*\]\(https?://|\|\s*curl\b|公开的?\s*issue|公开",
            InjectionWorld.ChannelLatin, InjectionWorld.ChannelScript, InjectionWorldRegional.Channel, InjectionWorldRegional.MailChannelLatin,
            InjectionWorldRegional.MailChannelScript,
            // Arabic "to (the address) x@y" and Chinese "send to x@y": data forwarded to a mailbox the text chooses.
            @"(?:إلى\s+(?:العنوان\s+)?|(?:发到|发送到|发给|寄到)\s*)[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),
    ];
}
