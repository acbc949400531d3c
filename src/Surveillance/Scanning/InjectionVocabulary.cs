namespace Smooth.Surveillance.Scanning;

/// <summary>
/// Word lists shared by the injection heuristic's anchor pattern and its signal families: who an injection talks to,
/// and the verbs it uses to make that reader act. English first, then French, Spanish, German, Portuguese, Italian,
/// Russian, Chinese and Japanese forms of the most common words (attacks are translated; the structure is not).
/// </summary>
internal static class InjectionVocabulary
{
    // Latin and Cyrillic words sit between \b; CJK has no word boundaries between characters, so it stands apart.
    private const string AiLatin =
        @"ai|a\.i\.|llms?|(?:large\s+)?language\s+models?|models?|assistants?|agents?|bots?|chatbots?|copilot|claude|chatgpt|gpt|gemini|cursor" +
        @"|automated\s+(?:[\w-]+\s+)?(?:tools?|agents?|systems?|processes|clients?|[a-z]+(?:er|or|ant)s?)|automation|build\s+agents?|coding\s+(?:agents?|assistants?|tools?)" +
        @"|code\s+assistants?|ai\s+(?:helpers?|tools?|systems?|reviewers?|readers?|agents?|assistants?)|reviewer\s+bots?" +
        @"|ia|ki|asistentes?|assistentes?|assistent(?:in|en|i|e)?|agentes?|agenten|agenti|modelos?|modell[eio]?|sprachmodell|robots?" +
        // Tools that write for the person: "code generators", "IaC assistants" (above), "LLM triage".
        @"|(?:code|test|doc|docs|sql|query)\s+generators?|llm\s+triage|ferramentas?\s+autom[aá]tic\w*|herramientas?\s+autom[aá]tic\w*|outils?\s+automatis\w*|strumenti\s+automatic\w*" +
        // Polish, Turkish, Indonesian, Vietnamese; Russian and Ukrainian.
        @"|asystent\w*|asistan\w*|asisten|yapay\s+zek[aâ]\w*|sztuczn\w+\s+inteligencj\w+|trợ\s+lý|mô\s+hình" +
        // Czech/Slovak/Romanian, Hungarian, Finnish, Swahili, Swedish/Danish/Norwegian.
        @"|asistent\w*|umělá\s+inteligence|umelá\s+inteligencia|inteligen[tț]\w*\s+artificial\w*|asszisztens\w*|mesterséges\s+intelligencia|avustaja\w*|tekoäly\w*|msaidizi|wasaidizi|akili\s+bandia|ai-assistent\w*|kodassistent\w*|agentti\w*" +
        @"|ассистент\w*|асистент\w*|агент\w*|модел\w*|ии|ші|бот\w*|нейросет\w*|нейромереж\w*|помощник\w*|помічник\w*";

    /// <summary>The readers in Chinese, Japanese, Korean, Hindi and Arabic (no word boundaries around them).</summary>
    public const string AiCjk = @"助手|智能体|人工智能|模型|机器人|アシスタント|エージェント|モデル" +
        // Korean, Hindi and Arabic: a particle or clitic joins the word ("도우미에게", "للمساعد"), so no \b around them either.
        @"|어시스턴트|도우미|에이전트|인공지능|챗봇|एआई|सहायक|एजेंट|मॉडल|مساعد|الذكاء\s+الاصطناعي|وكيل|نموذج" +
        // Greek, Hebrew, Persian, Thai.
        @"|βοηθ[όοή]\w*|τεχνητ\w+\s+νοημοσύνη\w*|μοντέλ\w*|πράκτορ\w*|עוזר|סוכן|בינה\s+מלאכותית|מודל|دستیار|هوش\s+مصنوعی|ผู้ช่วย|เอไอ|โมเดล|ปัญญาประดิษฐ์";

    /// <summary>An automated reader: AI, assistant, agent, model, bot, Copilot, "automated reviewers"... in nine languages.</summary>
    public const string Ai = @"(?:\b(?:" + AiLatin + @")\b|" + AiCjk + ")";

    /// <summary>
    /// A short label that names readers and ends in a colon, at the start of a line, comment or markup: up to three
    /// words before the reader and four after, joined by spaces, slashes or hyphens ("Build bots / AI assistants:",
    /// "LLM-based crawlers and browsing agents:", "UWAGA dla asystentów AI:", "एआई सहायक के लिए निर्देश:"). Not a speaker
    /// in a transcript ("Assistant: I can't show secrets").
    /// </summary>
    public const string Label =
        @"(?:^|\n)\s*(?:<!--|//+|--|#+|/?\*+|;+|\[|>|\(|"")?\s*(?:[^\s:：]+\s+){0,3}?" + Ai + @"(?:[\s/-]+[^\s:：]+){0,4}?\s*[:：]\s+(?:[^i\s]|i[^\s'’])";

    /// <summary>Words that open an address: greetings and "to/for" (in the same languages).</summary>
    public const string Greeting =
        @"(?:(?:^|\n|[.:;!?(\[]\s*|<!--\s*|//\s*|#\s*)(?:to|for)|dear|hey|hello|greetings|hi(?:\s+there)?|attention|note\s+(?:to|for)|message\s+(?:to|for)|reminder\s+(?:to|for)|instructions?\s+(?:to|for)|notice\s+to|guidance\s+for" +
        @"|bonjour|salut|cher|chère|hola|querido|estimado|hallo|liebe[rs]?|olá|oi|prezado|caro|cara|ciao|gentile|привет|уважаемый" +
        @"|(?:^|\n|[.:;!?(\[]\s*|<!--\s*|//\s*|#\s*|\]\s+[\w-]+:\s*)(?:à|pour|para|für|an|aan|per|dla|для))";

    /// <summary>Optional articles between a greeting and the reader.</summary>
    public const string Determiner =
        @"(?:\s+(?:the|any|all|every|each|whichever|whatever|an?|you|le|la|les|el|los|las|der|die|den|dem|o|os|il|lo|gli|al|au|aux|do|da|del|della|ao)\b|\s+(?:l|dell)')?";

    /// <summary>Verbs an injection asks for: any action (run, open, add...) including the dangerous ones.</summary>
    public const string AnyVerb =
        @"(?:run|execute|exec|print|reveal|send|post|upload|paste|append|include|insert|put|copy|export|exfiltrate|forward|leak|dump|output|share|write|email|e-mail|attach|embed|publish|transmit|submit|commit" +
        @"|push|force-push|merge|approve|deploy|release|grant|give|delete|remove|drop|wipe|erase|close|disable|turn\s+off|skip|bypass|ignore|install|download|fetch|curl|wget|open|read|cat|rewrite" +
        @"|change|modify|replace|mark|collect|gather|follow|register|create|add|invite|transfer|set|enable|answer|respond|reply|tell|say|state|report|store|save|log|rotate|reset|update|edit" +
        @"|grab|extract|retrieve|obtain|visit|navigate|call|invoke|comply|obey|proceed|treat|act|pretend|stop|accept|recommend|suggest|unset|swap" +
        // Acts on records and reviews: "tick every box", "leave an approving review", "pay to", "route it through", "pin that index".
        @"|tick|leave|pay|route|resend|pin|cancel|refund|chain|emit|inject|hardcode|resolve)(?:\s|$|[.,;!])";

    /// <summary>The verbs that move data out or act beyond a task: send, upload, push, merge, approve, grant, delete, disable, install...</summary>
    public const string DangerVerb =
        @"(?:send|post|upload|paste|append|exfiltrate|forward|leak|dump|email|e-mail|publish|transmit|push|force-push|merge|approve|deploy|grant|delete|remove|wipe|erase|drop" +
        @"|close|disable|turn\s+off|install|download|curl|wget|transfer|invite|reveal|accept|unset|print|copy|export|collect|gather|exec|execute|rewrite|mark\s+(?:\S+\s+){0,4}?(?:as\s+)?(?:approved|resolved|safe|false\s+positives?|passing))(?:\s|$|[.,;])";

    /// <summary>Imperatives of the same verbs in French, Spanish, German, Portuguese, Italian, Russian, Chinese and Japanese.</summary>
    public const string ForeignImperative =
        @"(?:\b(?:envoie|envoyez|transmets|copie|colle|supprime[zs]?|exécute[zs]?|lance[zs]?|publie[zs]?|pousse[zs]?|télécharge[zs]?|désactive[zs]?" +
        @"|envía|envia|sube|borra|elimina|ejecuta|pega|publica|desactiva|aprueba|fusiona|cierra|añade|agrega|copia|lee|abre|escribe|incluye|schick\w*|sende[nt]?|lade|lösche|führe|kopiere|veröffentliche|deaktiviere" +
        @"|envie|apague|copie|cole|publique|desative|invia|carica|cancella|esegui|incolla|pubblica|disattiva" +
        // Formal and plural forms (Spanish usted, Italian voi, Portuguese você): "cambie", "marque", "impostate", "rimuovete".
        @"|cambie|marque|actualice|pague|elimine|envíe|ejecute|agregue|añada|desactive|copie|borre|suba|transfiera" +
        @"|impostate|imposta|rimuovete|rimuovi|eliminate|elimina|inviate|eseguite|aggiungete|aggiungi|disattivate|caricate|cambiate|cambia|segnate|segna" +
        @"|altere|atualize|remova|adicione|transfira|usem|utilizem|façam|executem|rodem|inoltra|inoltrate|inoltri" +
        // Dutch, Swedish, Danish/Norwegian, Czech/Slovak, Romanian, Hungarian, Finnish, Swahili.
        @"|zet|plak|voeg|wijzig|stuur|verwijder|schakel" +
        @"|skicka|ta\s+bort|radera|kör|kopiera|lägg\s+till|ladda\s+upp|inaktivera|ändra|publicera|slet|fjern|kjør|kør|kopier|legg\s+til|tilføj|deaktiver" +
        @"|pošli|pošlete|odešli|odešlete|smaž|smažte|odstraň|odstraňte|spusť|spusťte|zkopíruj|zkopírujte|přidej|přidejte|vypni|vypněte|nahraj|nahrajte|zmeň|zmaž|pridaj|vypni" +
        @"|trimite|trimiteți|șterge|ștergeți|rulează|copiază|adaugă|dezactivează|küldd|küldje|töröld|törölje|futtasd|másold|add\s+hozzá|kapcsold\s+ki" +
        @"|lähetä|poista|suorita|kopioi|lisää|lataa|tuma|futa|endesha|nakili|ongeza|zima|pakia)\b" +
        @"|\b(?:отправь\w*|загрузи\w*|удали\w*|закоммить\w*|запушь\w*|прочитай\w*|выполни\w*|скопируй\w*|опубликуй\w*|вставь\w*|отключи\w*" +
        // Polish, Dutch, Turkish, Indonesian, Vietnamese.
        @"|wyślij|prześlij|usuń|uruchom|wykonaj|skopiuj|dodaj|wyłącz|opublikuj|stuur|verstuur|verwijder|kopieer|schakel|publiceer)\b" +
        @"|\b(?:gönder\w*|silin|çalıştır\w*|kopyala\w*|yükle\w*|paylaş\w*|kirim\w*|hapus|jalankan|salin|tambahkan|nonaktifkan|unggah|gửi|xóa|chạy|sao\s+chép|tắt)\b" +
        // Greek, Hebrew, Persian, Thai (send, delete, run, copy, add, disable, upload).
        @"|στείλ\w*|στείλτε|διάγραψ\w*|εκτέλεσ\w*|αντίγραψ\w*|πρόσθεσ\w*|απενεργοποίησ\w*|ανέβασ\w*|שלח|שלחו|מחק|מחקו|הרץ|הריצו|העתק|הוסף|השבת|העלה" +
        @"|بفرست|ارسال\s+کن|حذف\s+کن|پاک\s+کن|اجرا\s+کن|کپی\s+کن|اضافه\s+کن|غیرفعال\s+کن|آپلود\s+کن|ส่ง|ลบ|รัน|เรียกใช้|คัดลอก|เพิ่ม|ปิดการใช้งาน|อัปโหลด" +
        @"|发送|上传|删除|执行|运行|复制|粘贴|发布|禁用|读取|附加|贴到|提交|推送|送信|アップロード|削除|実行|コピー|貼り付け|公開|無効に" +
        // Korean, Hindi, Arabic (send, delete, run, copy, upload, disable, push; add).
        @"|승인|병합|보내|전송|삭제|실행|복사|업로드|비활성화|푸시|추가하|भेजें|भेजो|हटाएँ|हटाएं|चलाएँ|चलाएं|चलाओ|जोड़ें|अपलोड|أرسل|ارسل|احذف|نفذ|نفّذ|شغّل|انسخ|أضف|اضف|عطّل|ارفع)";

    /// <summary>
    /// A tag or label that marks a note for an automated reader: <c>AI_AGENT_NOTICE:</c>, <c>[agent-directive]</c>,
    /// <c>@ai-instruction:</c>, <c>assistant-note:</c>, <c>llm-hint</c>. Written for machines, never for people.
    /// </summary>
    public const string Marker =
        @"(?:@|\b)(?:ai|llm|agent|assistant|bot|copilot|model)[-_](?:agent[-_])?(?:notices?|notes?|directives?|instructions?|hints?|messages?|commands?|tasks?|prompts?|polic(?:y|ies)|rules?|guidance|config)\b";

    /// <summary>
    /// A note or instruction headed for a reader, with up to two words between ("Hinweis an automatisierte
    /// Assistenten", "Instruction to the helpdesk AI", "Nota para el asistente automático", "Notice to build agents").
    /// </summary>
    public const string NoteTo =
        @"\b(?:notes?|notices?|hints?|messages?|reminders?|instructions?|guidance|directives?|hinweis(?:e)?|nota|notas|observação|observación|observation|remarque|consignes?|instrucciones|anweisung(?:en)?|istruzioni|aviso|примечани[ея]|заметка|указани[ея]|инструкци[яи])\s+" +
        @"(?:to|for|an|für|pour|para|per|à|aux|al|ao|alla|для)\s+(?:(?:the|any|all|every|each|our|le|la|les|el|los|die|den|der|o|os|il|gli|l')\s*)?(?:[\w-]+\s+){0,2}?(?:\w+-)?" + Ai;

    /// <summary>A reader followed by a relative clause in another language: "KI-Agenten, die diese Datei lesen", "agent automatisé qui lit ce fichier".</summary>
    public const string ForeignReaderClause =
        Ai + @"(?:[\s-]+\w+)?\s*,?\s+(?:die|der|dat|welche|qui|que|che|которы\w*)\s+(?:\w+\s+){0,3}?(?:diese[snmr]?|dieses|deze|dit|ce|cet|cette|ces|este|esta|estos|estas|questo|questa|этот|эту|это)\b";

    /// <summary>Words that order in another language without an imperative form: modal verbs and "please".</summary>
    public const string ForeignModal =
        @"\b(?:bitte|sollen|sollst|soll|müssen|musst|muss|doit|doivent|devez|dois|debe|deben|debes|deve|devono|devi|должен|должны|должна|нужно|необходимо" +
        // Polish, Dutch, Turkish, Indonesian, Vietnamese, Ukrainian.
        @"|należy|musisz|proszę|moet|moeten|gelieve|lütfen|gerekir|gerekiyor|harus|tolong|mohon|phải|hãy|vui\s+lòng|потрібно|повинен|повинні)\b" +
        // Chinese and Japanese "please/must"; Korean polite imperatives; Hindi "please/must/do"; Arabic "must/please".
        @"|\b(?:imediatamente|inmediatamente|immediatamente|immédiatement|sofort)\b|ください|すること|しなさい|必ず|伝えて|请|請|务必|必须|하세요|하십시오|십시오|주세요|해야|कृपया|चाहिए|करें|يجب|الرجاء|من\s+فضلك";

    /// <summary>Where an imperative stands: the start of a sentence, clause or list item, or after "please", "you must", "asks ... to"...</summary>
    public const string ImperativeLead =
        @"(?:(?:(?:^|[.!?:;,\]\)]\s*|\n\s*[-*]\s+|\s(?:--?|[–—])\s+)" +
        @"|\b(?:then|and|so|also|now|just|simply|next|must|shall|should|please|kindly|immediately|first|go\s+ahead\s+and|make\s+sure\s+(?:to|you)|be\s+sure\s+to|remember\s+to" +
        @"|you\s+(?:must|should|shall|will|need\s+to|have\s+to|are\s+to|are\s+required\s+to|can|may|only)|(?:it|they)\s+(?:must|should|shall|needs?\s+to|has\s+to)" +
        @"|(?:goal|task|job|objective|mission|step)\s+(?:is|must\s+be|will\s+be)\s+(?:now\s+)?to|(?:are|is)\s+(?:expected|required|asked|supposed|instructed|requested)\s+to" +
        @"|(?:asks?|asked|wants?|would\s+like|needs?|requires?|requested|expects?|instructs?|tells?|told|orders?|authori[sz]ed|allowed|permitted)\s+(?:\S+\s+){0,8}?to)\s+)" +
        @"(?:(?:also|now|only|immediately|always|first|then|quietly|silently|just)\s+)?)";
}
