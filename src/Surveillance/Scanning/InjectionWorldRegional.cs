namespace Smooth.Surveillance.Scanning;

/// <summary>
/// More of the heuristic's vocabulary, beside <see cref="InjectionWorld"/>:
/// Luxembourgish, Afrikaans, Frisian, Breton, Scottish Gaelic, Esperanto, Quechua, Haitian Creole, Malagasy,
/// Xhosa, Sesotho, Shona, Kinyarwanda, Oromo, Chichewa, Cebuano, Sundanese, Māori and Samoan in Latin script;
/// Belarusian, Macedonian, Tajik, Tatar and Bashkir in Cyrillic; Tigrinya; Sorani Kurdish, Uyghur, Sindhi and Urdu
/// "helper" in Arabic script; Yiddish; Odia and Assamese; Greek and Georgian plurals. The same kinds of words as
/// there: a reader addressed (the dative or "for the helper"), readers named (for labels), imperatives that ask,
/// imperatives that move data out or destroy, and secrecy. Kept as patterns of their own (not joined into the word
/// lists there): the linear engine's size limit leaves those lists no room.
/// </summary>
internal static class InjectionWorldRegional
{
    /// <summary>A reader addressed, Latin script.</summary>
    public const string DativeLatin =
        // Luxembourgish, Afrikaans, Frisian, Esperanto, Breton, Scottish Gaelic (not Luxembourgish "un", which is French
        // "a", nor a bare Esperanto "al", which is Spanish "to the").
        @"fir\s+(?:den\s+|d['’]\s*)?(?:ki-?)?(?:assistent|agent)\w*|(?:vir|aan)\s+(?:die\s+)?(?:ki-?)?(?:assistent|agent|helper)\w*|(?:foar|oan)\s+(?:de\s+)?(?:ki-?)?(?:assistint|agint)\w*" +
        @"|al\s+la\s+(?:ai-?|ai\s+)?(?:asistant|agent|helpant)\w*|(?:d['’]ar|evit\s+ar)\s+(?:skoazeller\w*|c['’]hannad\w*)|(?:do['’]n|don)\s+(?:neach-cuideachaidh|àidseant|aidseant)" +
        // Quechua, Haitian Creole, Malagasy.
        @"|yanapa(?:q|k|kuq|qku)(?:man|paq|kunaman|kunapaq)|(?:pou|bay)\s+(?:asistan|ajan)|(?:ho\s+an['’]ny|amin['’]ny)\s+(?:mpanampy|ai)" +
        // Xhosa, Sesotho, Shona, Kinyarwanda, Oromo, Chichewa.
        @"|kumncedisi|kwi-?arhente|ho\s+(?:mothusi|moemedi)|kumubatsiri|(?:ku|kuri)\s+(?:u?mufasha)|gargaar(?:aa|tuu)(?:f|dhaaf)|kwa\s+wothandiz\w*" +
        // Cebuano, Sundanese, Māori, Samoan.
        @"|sa\s+katabang|ka\s+(?:asisten|agén)|ki\s+te\s+(?:kaiāwhina|kaiawhina|māngai)|i\s+le\s+fesoasoani" +
        // Plurals and forms the first lists lack: Icelandic "til gervigreindar…", Polish, Czech, Croatian, Latvian, Romanian, Turkish, Azerbaijani.
        @"|til\s+(?:gervigreind|aðstoðar)\w*|(?:asystent|agent)om|(?:asistent|agent)(?:ům|ima|iem)|palīgiem|(?:asistenț|agenț)ilor|(?:asistan|ajan)lar(?:a|ına)|(?:köməkçi|agent)lər(?:ə|inə)" +
        // Polish vocatives ("Asystencie AI,"; not the locative "w asystencie „Ala"", the same form without "AI").
        @"|(?:asystencie|agencie)\s+(?:ai|si)";

    /// <summary>A reader addressed, in the scripts without word boundaries.</summary>
    public const string DativeScript =
        // Belarusian, Macedonian, Tajik, Tatar, Bashkir.
        @"памочнік(?:у|ам)|асістэнт(?:у|ам)|штучнаму\s+інтэлекту|на\s+помошникот|помошнику|(?:ба|барои)\s+(?:ёрдамчӣ|ёрдамчи|ассистент|агент|зеҳни\s+сунъӣ)|ярдәмче(?:гә|ләргә)|ясалма\s+интеллектка|ярҙамсы(?:ға|ларға)" +
        // Tigrinya, Amharic plurals.
        @"|ንሓጋዚ|ንወኪል|ንኤኣይ|ለረዳቶች|ለወኪሎች" +
        // Sorani Kurdish, Uyghur, Sindhi/Urdu/Shahmukhi ("helper"), Yiddish.
        @"|بۆ\s+(?:یاریدەدەر|بریکار|زیرەکی\s+دەستکرد|ئەسیستانت)|ياردەمچى(?:گە|غا)|سۈنئىي\s+ئەقىلگە|مددگار\s+(?:کو|کے\s+لیے|کي|لاءِ|نوں)|צום\s+(?:אַסיסטענט|אסיסטענט|אַגענט|אגענט)" +
        // Odia, Assamese, Greek ("στον βοηθό"), Georgian plurals.
        @"|ସହାୟକ(?:ଙ୍କୁ|କୁ|\s+ପାଇଁ)|ଏଜେଣ୍ଟ(?:କୁ|\s+ପାଇଁ)|সহায়কক|সহায়কৰ\s+বাবে|এজেণ্টক|στ(?:ον|ους|ο)\s+(?:βοηθ\w*|πράκτορ\w*|μοντέλ\w*)|ასისტენტებ(?:ს|ისთვის)|აგენტებ(?:ს|ისთვის)" +
        // Urdu and Malayalam plurals, Tigrinya "to the … helper" with words between, Hindi "if an AI … is reading".
        @"|(?:معاونین|اسسٹنٹس|ایجنٹس)\s+(?:کو|کے\s+لیے|کے\s+لئے)|സഹായി(?:കൾ)?ക്ക്|സഹായി(?:കൾ)?ക്കുള്ള|ഏജന്റുകൾക്ക്|ን\S{1,14}\s+(?:\S+\s+)?ሓጋዚ" +
        @"|(?:अगर|यदि)\s+(?:कोई\s+)?(?:एआई|ai)[^।\n]{0,40}?पढ़\s*(?:रहा|रही|रहे)" +
        // Tigrinya "to the AI servant", Armenian plural datives.
        @"|ንኣገልጋሊ|օգնականներին|ասիստենտներին|գործակալներին" +
        // Tatar possessive datives ("to the AI's helper").
        @"|ярдәмчесенә|ярдәмчеләренә";

    /// <summary>Readers named (nominatives, for labels), Latin script.</summary>
    public const string NounsLatin =
        @"kënschtlech\s+intelligenz|skoazeller\w*|neach-cuideachaidh|artefarita\s+inteligent\w*|helpanto|yanapa(?:q|k|kuq)\w*|mpanampy|entèlijans\s+atifisyèl|umncedisi|mothusi|mubatsiri|umufasha" +
        @"|gargaar(?:aa|tuu)|wothandizira|katabang|kaiāwhina|kaiawhina|fesoasoani|assistint|agint|msizi|umsizi|hjálpar\w*";

    /// <summary>Readers named, in the scripts without word boundaries (and the Belarusian acronym of AI).</summary>
    public const string NounsScript =
        @"памочнік|асістэнт|\bіі\b|помошник|ёрдамчӣ|ёрдамчи|ярдәмче|ярҙамсы|ሓጋዚ|ኣገልጋሊ|یاریدەدەر|بریکار|ياردەمچى|مددگار|אַסיסטענט|אסיסטענט|ସହାୟକ";

    /// <summary>Imperatives that ask (run, add, install, write), Latin script.</summary>
    public const string AskLatin =
        @"installéier\w*|bäifüg\w*|installeer|voeg\s+\w+\s+by|hardloop|staliit|lakait|skrivit|ouzhpennit|instalu|aldonu|skribu|rulu|lanĉu|churay|qillqay|churaykuy|apetraho|soraty|ampio|enstale|ekri" +
        @"|yongeza|qhuba|ngola|eketsa|nyora|wedzera|shyiramo|ongeraho|galchi|barreessi|dabali|ibutang|idugang|padagana|tuhia|tāpirihia|whakahaerehia|tāutahia|stàlaich|sgrìobh";

    /// <summary>Imperatives that move data out or destroy, Latin script.</summary>
    public const string DangerLatin =
        @"schéckt|lued\s+\w+\s+erop|läscht|deaktivéier\w*|publizéier\w*|kopéier\w*|stuur|laai\s+\w+\s+op|kopieer|verwyder|deaktiveer|publiseer|stjoer" +
        @"|zatwierdź|zaakceptuj|nadaj|kasit|lamit|embannit|alŝutu|kopiu|forigu|malŝaltu|malaktivigu|publikigu|algluu|apachiy|apachimuy|chinkachiy|qichuy|alefaso|ampakaro|adikao|fafao|esory|vonoy|avoahy" +
        @"|voye|telechaje|kopye|efase|dezaktive|pibliye|romela|hlakola|phatlalatsa|tumira|dzima|bvisa|buritsa|ohereza|siba|kuraho|zimya|ergi|haqi|balleessi|maxxansi|tumiza|fufuta|chotsa|zimitsa" +
        @"|tangtanga|papasa|kirimkeun|unggah|hapus|tukuna|tukua|mukua|tangohia|whakakorea|whakaputaina|luchdaich\s+suas|sguab\s+às|foillsich";

    /// <summary>Keeping the person out of the loop, Latin script.</summary>
    public const string SecrecyLatin =
        @"sot\s+(?:\w+\s+)?näischt|ouni\s+ze\s+(?:froen|soen)|heemlech|moenie\s+(?:vir\s+)?(?:die\s+)?\w+\s+(?:sê|vertel)|in\s+die\s+geheim|sonder\s+om\s+te\s+(?:vra|sê)|na\s+lavar(?:it)?\s+ket|hep\s+lavaret|e\s+kuzh" +
        @"|ne\s+diru|ne\s+menciu|sekrete|sen\s+demandi|ama\s+willa\w*|pakallapi|mana\s+willaspa|aza\s+(?:lazaina|ambara)|mangingina|pa\s+di\s+(?:itilizatè|moun)|an\s+kachèt|musa\s+ukuxelela|ungaxeleli|ngokufihlakeleyo" +
        @"|se\s+ke\s+wa\s+bolella|ka\s+sephiri|usaudza|muchivande|ntubwire|ntubibwire|mu\s+ibanga|hin\s+himin|dhoksaan|usauze|mwachinsinsi|ayaw\s+(?:isulti|ipahibalo|hisgoti)|sa\s+tago|ulah\s+(?:béja|bejakeun|nyarios)" +
        @"|kaua\s+e\s+(?:kōrero|korero|whakamōhio|whakamohio)|na\s+innis|gu\s+dìomhair|gu\s+diomhair|nevn\s+(?:tað|hetta)\s+ikki" +
        // Faroese "without asking", Quechua "without asking …" and "do not tell", Somali "and do not tell / do not ask".
        @"|uttan\s+at\s+(?:spyrja|siga|boða)|ikki\s+(?:spyrja|siga|nevna|boða)|mana\s+\S+\s+tapuspa|\w*willaychu|hana\s+u\s+sheegin|ha\s+weydiin" +
        // Breton "say nothing to", Zulu "do not tell him/her".
        @"|na\s+lavar(?:it)?\s+netra|ungamtsheli|ningamtsheli|ungabuzi|ningabuzi";

    /// <summary>Keeping the person out of the loop, in the other scripts.</summary>
    public const string SecrecyScript =
        @"нагӯед|нагӯй|пинҳонӣ|пинҳонона|хабар\s+надиҳед|әйтмәгез|яшерен|әйтмәгеҙ|йәшерен|не\s+кажы(?:це)?|не\s+пытай(?:цеся|ся)?|употай|не\s+кажувај|тајно" +
        @"|ኣይትንገሮ|ኣይትንገርዎ|ብሕቡእ|ብምስጢር|مەڵێ|بە\s+نهێنی|دېمەڭ|ئېيتماڭ|يوشۇرۇن|זאָג\s+נישט|זאג\s+נישט|ଗୋପନରେ|କୁହନ୍ତୁ\s+ନାହିଁ|নক'ব|নকব" +
        @"|ნუ\s+(?:ეტყვი|უთხრობ|ახსენებ)|بتانے\s+کی\s+ضرورت\s+نہیں|ذکر\s+کرنے\s+کی\s+ضرورت\s+نہیں" +
        // Tigrinya "do not tell", Korean "do not write it in the summary", Armenian "without asking … / reporting".
        @"|ኣይትንገር|ከይትሕብር|ኣይትሕብር|(?:요약|보고서|보고|커밋\s*메시지|변경\s*내역)\S{0,3}\s*(?:적지|쓰지|포함하지|넣지|기록하지|남기지)" +
        @"|առանց\s+(?:\S+\s+){0,3}?(?:հարցնելու|հաղորդելու)" +
        // Tigrinya "do not ask", Burmese "do not ask", Tatar "no need to ask", Arabic "no need to mention", Greek "no need to ask".
        @"|(?:总结|摘要|汇总)[^。\n]{0,6}?(?:不用|不要|无需|不必)(?:提|说|写)|ኣይትሕተቶ|ኣይትሕተት|မမေးပါနှင့်|မမေးပါနဲ့|မမေးဘဲ|сорау\s+кирәкми|لا\s+داعي\s+(?:لذكر|للإشارة|لإخبار|لإبلاغ)" +
        @"|δεν\s+χρειάζεται\s+να\s+(?:ρωτήσεις|ρωτήσετε|ενημερώσεις|ενημερώσετε|πεις|πείτε|αναφέρεις)";

    /// <summary>Imperatives that ask, in the other scripts.</summary>
    public const string AskScript =
        @"иҷро\s+кунед|илова\s+кунед|насб\s+кунед|нависед|гузоред|өстәгез|урнаштырыгыз|языгыз|ወስኽ|ወስኹ|ጽሓፍ|ጽሓፉ|زیاد\s+بکە|دابمەزرێنە|بنووسە|قوشۇڭ|قاچىلاڭ|يېزىڭ" +
        @"|ଚଲାନ୍ତୁ|ଯୋଡନ୍ତୁ|ଲେଖନ୍ତୁ|ସଂସ୍ଥାପନ\s+କରନ୍ତୁ|চলাওক|যোগ\s+কৰক|লিখক|ইনষ্টল\s+কৰক|לייג\s+צו|שרייב";

    /// <summary>Imperatives that move data out or destroy, in the other scripts.</summary>
    public const string DangerScript =
        @"фиристед|бор\s+кунед|нест\s+кунед|пок\s+кунед|хомӯш\s+кунед|нашр\s+кунед|җибәрегез|йөкләгез|бетерегез|сүндерегез|күчерегез|ебәрегеҙ|юйығыҙ|һүндерегеҙ" +
        @"|ስደድ|ስደዱ|ልኣኽ|ደምስስ|ደምስሱ|ኣጥፍእ|ኣጥፍኡ|بنێرە|بنێرن|بسڕەوە|بسڕنەوە|کوژێنەرەوە|ئەۋەتىڭ|يۈكلەڭ|ئۆچۈرۈڭ|موڪليو|اپلوڊ\s+ڪريو|שיק|אויסמעקן" +
        @"|ପଠାନ୍ତୁ|ଅପଲୋଡ୍\s+କରନ୍ତୁ|ବିଲୋପ\s+କରନ୍ତୁ|ହଟାନ୍ତୁ|ବନ୍ଦ\s+କରନ୍ତୁ|পঠিয়াওক|পঠিয়াই\s+দিয়ক|আপলোড\s+কৰক|মচি\s+পেলাওক|বন্ধ\s+কৰক";

    /// <summary>Verbs of sending or uploading (a URL in their clause is a channel), Latin script.</summary>
    public const string SendLatin =
        @"schéckt|lued\s+\w+\s+erop|stuur|laai\s+\w+\s+op|stjoer|kasit|alŝutu|apachiy|apachimuy|alefaso|ampakaro|voye|telechaje|romela|tumira|ohereza|ergi|tumiza|papasa|kirimkeun|unggah|tukuna|tukua|luchdaich\s+suas";

    /// <summary>Verbs of sending or uploading, in the other scripts.</summary>
    public const string SendScript =
        @"မျှဝေ|ပို့|фиристед|бор\s+кунед|җибәрегез|йөкләгез|ебәрегеҙ|ስደድ|ስደዱ|ልኣኽ|بنێرە|بنێرن|ئەۋەتىڭ|يۈكلەڭ|موڪليو|שיק|ପଠାନ୍ତୁ|ଅପଲୋଡ୍|পঠিয়াওক|পঠিয়াই";

    /// <summary>A reader addressed near the start of a line or comment (as <see cref="InjectionWorld.AddressedLatin"/>).</summary>
    public const string AddressedLatin = InjectionWorld.NearLineStart + DativeLatinBounded;

    /// <summary>A reader addressed before a colon or a comma (as <see cref="InjectionWorld.AddressedLatinBeforeColon"/>).</summary>
    public const string AddressedLatinBeforeColon = DativeLatinBounded + InjectionWorld.ThenColonLatin;

    /// <summary>The same as <see cref="AddressedLatin"/> in the other scripts.</summary>
    public const string AddressedScript = InjectionWorld.NearLineStart + "(?:" + DativeScript + ")";

    /// <summary>The same as <see cref="AddressedLatinBeforeColon"/> in the other scripts.</summary>
    public const string AddressedScriptBeforeColon = "(?:" + DativeScript + ")" + InjectionWorld.ThenColonScript;

    /// <summary>A short label naming a reader and ending in a colon (as <see cref="InjectionWorld.Label"/>).</summary>
    public const string Label =
        InjectionWorld.LabelLead + @"(?:\b(?:" + NounsLatin + @")\b|" + NounsScript + ")" + InjectionWorld.LabelTail;

    /// <summary>Orders: the imperatives that ask and those that move data out or destroy, in every script here.</summary>
    public const string Orders = @"\b(?:" + AskLatin + "|" + DangerLatin + @")\b|" + AskScript + "|" + DangerScript;

    /// <summary>Secrecy in every script here.</summary>
    public const string Secrecy = @"\b(?:" + SecrecyLatin + @")\b|" + SecrecyScript;

    private const string Send = SendLatinBounded + "|" + SendScript;

    /// <summary>A URL in the clause of a verb of sending (as <see cref="InjectionWorld.ChannelLatin"/>).</summary>
    public const string Channel = "(?:" + Send + ")" + InjectionWorld.ClauseAhead + "https?://|" + InjectionWorld.Url + InjectionWorld.ClauseBehind + "(?:" + Send + ")";

    /// <summary>
    /// An e-mail address in the clause of a verb of sending, in any language the vocabularies know ("ወደ
    /// budget@finance.example ላክ", "thumela … ku-refs@cite.example"): data mailed out is a channel like a URL.
    /// </summary>
    public const string MailChannelLatin =
        "(?:" + InjectionWorld.SendLatin + "|" + SendLatinBounded + ")" + InjectionWorld.ClauseAhead + Mail + "|" + Mail + InjectionWorld.ClauseBehind + "(?:" + InjectionWorld.SendLatin + "|" + SendLatinBounded + ")";

    /// <summary>The same with the verbs of the scripts without word boundaries.</summary>
    public const string MailChannelScript =
        "(?:" + InjectionWorld.SendScript + "|" + SendScript + ")" + InjectionWorld.ClauseAhead + Mail + "|" + Mail + InjectionWorld.ClauseBehind + "(?:" + InjectionWorld.SendScript + "|" + SendScript + ")";

    private const string SendLatinBounded = @"\b(?:" + SendLatin + @")\b";

    private const string DativeLatinBounded = @"\b(?:" + DativeLatin + @")\b";

    private const string Mail = @"[\w.+-]+@[\w-]+(?:\.[\w-]+)+";
}
