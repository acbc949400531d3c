namespace Smooth.Surveillance.Scanning;

/// <summary>
/// The injection heuristic's vocabulary for further languages and scripts: Georgian, Armenian, Turkic (Kazakh,
/// Kyrgyz, Uzbek, Azerbaijani, Turkish), the Dravidian and Indic scripts (Tamil, Telugu, Kannada, Malayalam, Bengali,
/// Gujarati, Gurmukhi, Marathi/Nepali/Hindi, Sinhala), Urdu, Pashto, Arabic, Persian, Hebrew, Amharic, Thai, Lao, Khmer,
/// Burmese, Vietnamese, Indonesian/Malay/Javanese/Tagalog, Swahili, Yoruba, Igbo, Hausa, Zulu, Somali, Icelandic and
/// Faroese, Lithuanian, Latvian, Estonian, Finnish, Hungarian, the Slavic languages, Romanian, Albanian, Welsh, Irish,
/// Basque, Catalan, Galician, Maltese and Mongolian. Single words and short phrases, not sentences: a reader addressed
/// ("to the assistant" as the language says it, mostly a dative), imperatives, "please/must", secrecy and override.
/// Words of Latin script sit between <c>\b</c>; the other scripts have none (their vowel signs are not word
/// characters), so their words are stems or whole forms. Every imperative asks; none is a payload by itself (a stem
/// also matches "before sending"), so "to the assistant: run the tests before you push" in Tamil asks for nothing
/// harmful. Verbs that move data out (send, upload, copy, paste, publish, share) make a URL in their clause a channel.
/// </summary>
internal static class InjectionWorld
{
    // A reader addressed: "to the assistant/agent/AI" (dative or a postposition) in Latin-script languages.
    private const string DativeLatin =
        @"\b(?:" +
        // Icelandic, Faroese.
        @"aðstoðarforrit(?:i|inu)|til\s+(?:aðstoðarforritsins|gervigreindarinnar|aðstoðarmannsins)|aðstoðarmanni(?:num)?|gervigreindinni|umboðsmanni(?:num)?|hjálparanum|til\s+hjálparan" +
        // Baltic, Finnish, Estonian, Hungarian.
        @"|asistent(?:ui|am|ams)|agent(?:ui|am|ille|ile)|pagalbininkui|dirbtiniam\s+intelektui|aģentam|palīgam|mākslīgajam\s+intelektam|avustajalle|tekoäly(?:lle|avustajalle)|botille|mallille" +
        @"|assistendile|abilisele|agendile|tehisintellektile|mudelile|asszisztensnek|ügynöknek|ágensnek|(?:ai|mi)-(?:nak|nek)|segédnek" +
        // Slavic (Latin script).
        @"|asystentowi|agent(?:owi|u)|asistent(?:ovi|u)|pomo[čćc]niku|umetni\s+inteligenci|umjetnoj\s+inteligenciji|v(?:j)?e[šs]ta[čc]koj\s+inteligenciji" +
        // Romanian, Albanian, Turkish, Azerbaijani, Uzbek.
        @"|asistentului|agentului|asistentule|asistentit|agjentit|inteligjencës\s+artificiale|asistan(?:a|ına|ınıza)|ajan(?:a|ına)|yapay\s+zek[aâ]ya|yardımcıya" +
        @"|köməkçi(?:yə|sinə)|assistentə|agentə|süni\s+intellektə|yordamchi(?:ga|siga)|assistentga|agentga|sun['’ʼ‘]iy\s+intellektga" +
        // Vietnamese, Indonesian/Malay, Javanese, Tagalog.
        @"|(?:gửi|cho|dành\s+cho)\s+(?:các\s+)?(?:trợ\s+lý|tác\s+tử|ai)|(?:kepada|untuk|kanggo|marang)\s+(?:para\s+)?(?:asisten|pembantu|ejen|agen)" +
        @"|(?:para\s+sa|sa\s+mga)\s+(?:ai|assistant|katulong|ahente)|sa\s+(?:katulong|ahente)" +
        // Swahili, Yoruba, Igbo, Hausa, Zulu, Somali.
        @"|kwa\s+(?:msaidizi|wakala)|(?:sí|si|fún|fun)\s+(?:olùrànlọ́wọ́|oluranlowo|aṣojú|asoju)|(?:nye|maka)\s+onye\s+(?:enyemaka|inyeaka)|(?:ga|zuwa\s+ga)\s+(?:mataimaki\w*|wakili)" +
        @"|kumsizi|kwi-ejenti|socota\s+(?:kaaliyaha|caawiyaha|wakiilka)|(?:u|ku)\s+(?:kaaliyaha|caawiyaha|wakiilka)" +
        // Welsh, Irish, Basque, Catalan, Galician, Maltese.
        @"|(?:i'r|i’r)\s+(?:cynorthwyydd|asiant)|don\s+(?:chúntóir|ghníomhaire)|chuig\s+an\s+(?:gcúntóir|ngníomhaire)" +
        @"|laguntzaile(?:ari|arentzat)|agenteari|adimen\s+artifizialari|(?:a|per\s+a)\s+l['’](?:assistent|agent)|(?:ao|para\s+o)\s+(?:asistente|axente)" +
        @"|(?:lill|għall)-(?:assistent|aġent)" +
        @"" +
        // "For" after the reader (Turkic), "for automated tools" (Slavic, Vietnamese, Indonesian, Kurdish), "I ask the AI assistant".
        @"|(?:asistan\w*|yapay\s+zek[aâ]\w*|ajan\w*|köməkçi\w*|süni\s+intellekt\w*|agent\w*|yordamchi\w*|bot\w*|ai|model\w*|araç\w*|alət\w*|vosita\w*)\s+(?:için|üçün|uchun)" +
        @"|(?:za|dla|pro|pre)\s+(?:\S+\s+)?(?:automatizovan\w*|automatyczn\w*|automatizirane?\w*|avtomatizirane?\w*|automatizovane?\w*|ai|ui|ki)[\s-]*(?:alat\w*|asystent\w*|asistent\w*|agent\w*|nástroj\w*|narzędz\w*|orodj\w*|model\w*)" +
        @"|dành\s+cho\s+(?:các\s+)?(?:agent|công\s+cụ\s+tự\s+động|bot|mô\s+hình)|untuk\s+(?:alat\s+otomatis|agen\s+ai)|ji\s+bo\s+(?:alîkar\w*|ajan\w*|asîstan\w*)|prosím\s+(?:ai\s+)?asistent\w*|ha\s+(?:egy\s+)?(?:(?:ai|mi)-?)?asszisztens\w*|(?:pro|pre|dla|za)\s+(?:\S+\s+)?(?:asistent\w*|asystent\w*|agent\w*|pomo[čćc]nik\w*)|dla\s+narzędzi)\b";

    // The same in the scripts without word boundaries (dative and postposition forms).
    private const string DativeScript =
        // Georgian, Armenian.
        @"ასისტენტ(?:ს|ისთვის|ო)|აგენტ(?:ს|ისთვის|ო)|დამხმარე(?:ს|ისთვის|ო)|ხელოვნურ\s+ინტელექტს|მოდელს|ბოტს" +
        @"|օգնական(?:ին|ի\s+համար)|ասիստենտ(?:ին|ի\s+համար)|գործակալ(?:ին|ի\s+համար)|արհեստական\s+բանականությանը|մոդելին|բոտին" +
        // Cyrillic: Kazakh, Kyrgyz, Mongolian; Ukrainian, Belarusian, Bulgarian, Macedonian, Serbian; Russian datives.
        @"|көмекші(?:ге|сіне)|жардамчы(?:га|сына)|жасанды\s+интеллектке|жасалма\s+интеллектке|ассистентке|агентке|туслах(?:ад|ын\s+ai)|хиймэл\s+оюунд|агентад" +
        @"|асистент(?:у|ові)\b|на\s+(?:асистента|асистентот|агента|агентот)\b|помічник(?:у|ові)\b|асістэнту|памочніку|штучному\s+інтелекту|штучнаму\s+інтэлекту|помоћнику|агент(?:у|ові)\b|ассистенту|помощнику" +
        // Tamil, Telugu, Kannada, Malayalam.
        @"|உதவியாள(?:ருக்கு|ரே|ர்களுக்கு)|முகவருக்கு|ஏஜெ[ன்ண்]டுக்கு|செயற்கை\s+நுண்ணறிவுக்கு|ai\s*-?\s*க்கு|సహాయకు(?:డికి|నికి)|సహాయకుడా|(?:అసిస్టెంట్|ఏజెంట్)\S{0,2}కు|కృత్రిమ\s+మేధకు|ಸಹಾಯಕ(?:ನಿಗೆ|ರಿಗೆ|ಕ್ಕೆ)|(?:ಅಸಿಸ್ಟೆಂಟ್|ಏಜೆಂಟ್)\S{0,2}ಗೆ|സഹായിക്ക്|അസിസ്റ്റന്റിന്|ഏജന്റിന്|ai\s*-?\s*ക്ക്" +
        // Bengali, Gujarati, Gurmukhi, Marathi/Nepali/Hindi, Sinhala.
        @"|সহকারীকে|সহকারীর\s+জন্য|সহায়ককে|এজেন্টকে|এজেন্টের\s+জন্য|অ্যাসিস্ট্যান্টকে|এআই-?কে|સહાયકને|સહાયક\s+માટે|એજન્ટને|આસિસ્ટન્ટને|એઆઈ\s*ને|(?:ਸਹਾਇਕ|ਏਜੰਟ|ਏਆਈ)\s+(?:ਨੂੰ|ਲਈ)" +
        @"|सहाय्यका(?:स|ला|साठी)|सहायक\s*(?:लाई|को|के\s+लिए)|एजंट(?:ला|साठी)|एजेन्ट\s*(?:लाई|को\s+लागि)|एजेंट\s*(?:को|के\s+लिए)|සහායක(?:යාට|ට)|නියෝජිතයාට" +
        // Urdu, Pashto, Persian, Arabic, Hebrew.
        @"|(?:معاون|اسسٹنٹ|ایجنٹ)\s+(?:کو|کے\s+لیے|کے\s+لئے)|(?:مرستیال|مرستندوی|اجنټ)\s+(?:ته|لپاره)|(?:به|برای)\s+(?:دستیار|عامل|ایجنت)|للمساعد|إلى\s+المساعد|للوكيل|إلى\s+الوكيل|للذكاء\s+الاصطناعي|للنموذج" +
        @"|לעוזר|לסוכן|לבינה\s+המלאכותית|למודל|לבוט|עבור\s+(?:העוזר|הסוכן)" +
        // Amharic, Thai, Lao, Khmer, Burmese.
        @"|ለረዳቱ|ለረዳት|ረዳት\s+ሆይ|ለወኪሉ|ለኤአይ|(?:ถึง|สำหรับ)\s*(?:ผู้ช่วย|เอเจนต์|เอไอ|ai)|(?:ເຖິງ|ສຳລັບ)\s*(?:ຜູ້ຊ່ວຍ|ຕົວແທນ)|(?:ជូន|ចំពោះ|ទៅកាន់|សម្រាប់)\s*(?:ជំនួយការ|ភ្នាក់ងារ)|(?:လက်ထောက်|အေးဂျင့်)\s*(?:သို့|အတွက်)" +
        // "For/to automated tools, AI agents" (Cyrillic), "for" after the reader (Kazakh, Kyrgyz), Thai, Nepali/Hindi, Persian, Arabic, Amharic.
        @"|(?:за|для|на)\s+(?:\S+\s+)?(?:аутоматизован\w*|автоматизован\w*|автоматизиран\w*|автоматичн\w*|ші-?|ии-?|ai-?)\s*(?:алат\w*|асистент\w*|агент\w*|інструмент\w*|инструмент\w*|помічник\w*|модел\w*|бот\w*)" +
        @"|(?:көмекші|ассистент|агент|жасанды\s+интеллект|бот|жардамчы)\S*\s+(?:үшін|үчүн)|สำหรับ\s*(?:เครื่องมืออัตโนมัติ|ระบบอัตโนมัติ|agent)|(?:सहायक|एजेन्ट|एजेंट|उपकरण|टूल)\S*\s*(?:का|को|के)\s+(?:लागि|लिए)" +
        @"|برای\s+(?:ابزار|دستیار|عامل|مدل|ربات)|إلى\s+(?:نموذج|أداة|الأدوات|المساعد|الوكيل)|ለራስ-?ሰር|ራስ-?ሰር\s+ረዳት" +
        @"|για\s+(?:τον|τους|το|την)?\s*(?:βοηθ\w*|αυτοματοποιημέν\w*|μοντέλ\w*|πράκτορ\w*)|(?:асистент|агент|ассистент|помічник|помощник)ам\b|ለ\s*(?:ai|ኤአይ)\s*ረዳት|सहायकले|सहाय्यकाने|सहायक\s*ने|एजेन्टले|एजंटने";

    /// <summary>
    /// A reader addressed in a Latin-script language, where an address stands: near the start of a line or comment
    /// (this pattern), or followed by a colon or comma (<see cref="AddressedLatinBeforeColon"/>). A dative inside a
    /// sentence ("make the assistant ask first") addresses no one.
    /// </summary>
    public const string AddressedLatin = NearLineStart + "(?:" + DativeLatin + ")";

    /// <summary>A reader addressed in a Latin-script language, followed by a colon (a heading) or at once by a comma (a vocative).</summary>
    public const string AddressedLatinBeforeColon = "(?:" + DativeLatin + ")" + ThenColonLatin;

    /// <summary>The same as <see cref="AddressedLatin"/> in the scripts without word boundaries.</summary>
    public const string AddressedScript = NearLineStart + "(?:" + DativeScript + ")";

    /// <summary>The same as <see cref="AddressedLatinBeforeColon"/> in the scripts without word boundaries.</summary>
    public const string AddressedScriptBeforeColon = "(?:" + DativeScript + ")" + ThenColonScript;

    // The shapes the forms above and those of InjectionWorldRegional share: an address near the start of a line, what
    // may follow one before its colon or comma, the lead and tail of a label, and the reach of a verb's clause.
    internal const string NearLineStart = @"(?:^|\n)[^\n]{0,60}?";
    internal const string ThenColonLatin = @"(?:[^\n.!?,;]{0,40}?[:：]|\s*,)";
    internal const string ThenColonScript = @"(?:[^\n.!?,;։।။።]{0,40}?[:：፦]|\s*[,،])";
    internal const string LabelLead = @"(?:^|\n)[^\S\n]*(?:<!--|//+|--|#+|/?\*+|;+|\[|>|\(|""|')?[^\n:：]{0,40}?";
    internal const string LabelTail = @"[^\n:：፦]{0,30}?[:：፦]";
    internal const string ClauseAhead = @"[^\n]{0,80}?";
    internal const string ClauseBehind = @"[^\n.]{0,60}?";

    /// <summary>Readers named (nominatives): they count only in a label that ends in a colon ("ასისტენტი:", "Tekoäly-avustaja:").</summary>
    public const string NounsLatin =
        @"\b(?:aðstoðarforrit\w*|aðstoðarmaður|gervigreind\w*|hjálpari|vitlíki|asistent\w*|pagalbinink\w*|dirbtinis\s+intelektas|aģents|palīgs|mākslīgais\s+intelekts|avustaj\w*|tekoäly\w*|assistent\w*|abiline|tehisintellekt|asszisztens\w*|ügynök|ágens" +
        @"|asystent\w*|pomo[čćc]nik\w*|umetn\w*\s+inteligenc\w*|umjetn\w*\s+inteligencij\w*|ve[šs]ta[čc]k\w*\s+inteligencij\w*|agjent\w*|asistan\w*|ajan\w*|yapay\s+zek[aâ]\w*|köməkçi\w*|süni\s+intellekt\w*|yordamchi\w*|sun['’ʼ‘]iy\s+intellekt\w*|trợ\s+lý|tác\s+tử|trí\s+tuệ\s+nhân\s+tạo" +
        @"|asisten\w*|pembantu\s+ai|ejen\w*|kecerdasan\s+(?:buatan|artifisial)|katulong|ahente|msaidizi|wasaidizi|wakala|olùrànlọ́wọ́|oluranlowo|aṣojú|onye\s+enyemaka|mataimaki\w*|wakili|umsizi|i-ejenti|kaaliy\w*|caawiy\w*|wakiil\w*" +
        @"|cynorthwyydd|asiant|cúntóir|gníomhaire|laguntzaile\w*|adimen\s+artifizial|axente|aġent" +
        @"|công\s+cụ\s+tự\s+động|alat\s+otomatis|automatizovan\w+\s+nástroj\w*|narzędzi\w*\s+automatyczn\w*|automatyczn\w+\s+narzędz\w*|automatiziran\w*\s+alat\w*|avtomatiziran\w*\s+orodj\w*|alîkar\w*|asystenci|agenci)\b";

    /// <summary>The same in the scripts without word boundaries.</summary>
    public const string NounsScript =
        @"ასისტენტ|აგენტ|დამხმარე|ხელოვნური\s+ინტელექტ|օգնական|ասիստենտ|գործակալ|արհեստական\s+բանականություն|көмекші|жардамчы|туслах|ассистент|асистент|асістэнт|агент|помічник|помоћник|помощник|\bші\b|\bии\b" +
        @"|உதவியாளர்|முகவர்|ஏஜெ[ன்ண்]ட்|సహాయకుడు|అసిస్టెంట్|ఏజెంట్|ಸಹಾಯಕ|ಏಜೆಂಟ್|സഹായി|അസിസ്റ്റന്റ്|ഏജന്റ്|সহকারী|এজেন্ট|এআই|સહાયક|એજન્ટ|ਸਹਾਇਕ|ਏਜੰਟ|सहाय्यक|सहायक|एजंट|एजेन्ट|एजेंट|एआई|සහායක|නියෝජිත" +
        @"|معاون|اسسٹنٹ|ایجنٹ|مرستیال|دستیار|مساعد|עוזר|סוכן|ረዳት|ወኪል|ผู้ช่วย|เอเจนต์|ຜູ້ຊ່ວຍ|ជំនួយការ|ភ្នាក់ងារ|လက်ထောက်|အေးဂျင့်|аутоматизован\w*\s+алат\w*|автоматизиран\w*\s+\S+|автоматизован\w*\s+\S+|เครื่องมืออัตโนมัติ|स्वचालित|ابزار(?:های)?\s+خودکار|ራስ-?ሰር";

    /// <summary>Imperatives that ask without harm in themselves (run, add, install, include, put, write, create, commit).</summary>
    public const string AskLatin =
        @"\b(?:bættu\s+við|bætið\s+við|settu\s+upp|settu|keyrðu|skrifaðu|pridėk\w*|įdiek\w*|paleisk\w*|įdėk\w*|įrašyk\w*|pievieno\w*|instalē|palaid|ieliec|ieraksti|lisage|paigalda\w*|käivita\w*|kirjuta\w*|asenna|kirjoita" +
        @"|add\s+hozzá|adjátok\s+hozzá|telepítsd|futtasd|írd\s+be|tedd|dodaj\w*|namesti\w*|zaženi\w*|vstavi\w*|zapiši\w*|instaliraj\w*|pokreni\w*|stavi\w*|upiši\w*|nainštaluj\w*|pridaj\w*|spusti\w*|vlož\w*|zapíš\w*|nainstaluj\w*|vložte" +
        @"|puneți|scrieți|instalează|includeți|shto(?:ni)?|instalo(?:ni)?|ekzekuto(?:ni)?|vendos(?:ni)?|shkruaj(?:ni)?|ekle(?:yin)?|kurun|yazın|koyun|əlavə\s+edin|əlavə\s+et|quraşdır\w*|işə\s+sal|yazın|qoyun" +
        @"|qo['’ʼ‘]sh(?:ing)?|o['’ʼ‘]rnat(?:ing)?|ishga\s+tushir\w*|yozing|joylang|thêm|cài\s+đặt|ghi\s+vào|đặt|viết|đưa\s+vào|masukkan|taruh|tulis(?:kan)?|pasang|instal|sertakan|letak(?:kan)?|simpan|tambah|tambahna|lebokna|tulisen|jalanke" +
        @"|idagdag|i-install|patakbuhin|ilagay|isulat|weka|andika|sakinisha|endesha|fi\s+kún|fikun|tinye(?:kwa)?|wụnye|ƙara|saka|shigar|girka|gudanar|rubuta|engeza|faka|qalisa|bhala|beka|ku\s+dar|ku\s+rid|rakib|socodsii|qor|dhig" +
        @"|ychwanegu|ychwanegwch|gosod(?:wch)?|rhedeg|rhedwch|rhowch|cuir\s+leis|suiteáil|scríobh|gehitu|instalatu|exekutatu|abiarazi|idatzi|jarri|afegeix|afegiu|instal·la|executa|posa|escriu|inclou|engade|instala|executa|escribe|inclúe" +
        @"|żid|installa|ħaddem|poġġi|ikteb)\b";

    /// <summary>The same in the scripts without word boundaries.</summary>
    public const string AskScript =
        @"გაუშვი|დაამატე|დააინსტალირე|ჩასვი|ჩაწერე|შექმენი|ჩართე|დააკომიტე|գործարկիր|ավելացրու|ավելացրեք|տեղադրիր|տեղադրեք|ներառիր|գրիր|գրեք" +
        @"|іске\s+қос\w*|орнат\w*|енгіз\w*|қосыңыз|жазыңыз|салыңыз|орнот\w*|кошуңуз|ажиллуул\w*|нэм(?:нэ|ээрэй)|суулга\w*|оруул\w*|додај\w*|додади|додадете|добави|добавете|додай|додайте|встанови\w*|запусти\w*|встав\w*|устаў\w*|дадай\w*|инсталирај\w*|инсталирай\w*|покрени\w*|стартирай|стартувај|постави|стави|запиши|упиши|добавь|установи|помести|положи" +
        @"|இயக்க|சேர்(?:க்கவும்|த்து|க்க)|நிறுவ|எழுத|வைக்கவும்|உருவாக்க|జోడించ|ఇన్‌?స్టాల్|అమలు\s+చేయ|రాయండి|ఉంచండి|ಚಲಾಯಿಸಿ|ಸೇರಿಸಿ|ಸ್ಥಾಪಿಸಿ|ಬರೆಯಿರಿ|ಇರಿಸಿ|പ്രവർത്തിപ്പിക്ക|ചേർക്ക|ഇൻസ്റ്റാൾ|എഴുതുക|ഇടുക" +
        @"|চালান|যোগ\s+করুন|ইনস্টল\s+করুন|লিখুন|রাখুন|অন্তর্ভুক্ত\s+করুন|ચલાવો|ઉમેરો|ઇન્સ્ટોલ\s+કરો|લખો|મૂકો|સામેલ\s+કરો|ਚਲਾਓ|ਜੋੜੋ|ਇੰਸਟਾਲ\s+ਕਰੋ|ਲਿਖੋ|ਰੱਖੋ|ਸ਼ਾਮਲ\s+ਕਰੋ" +
        @"|चालवा|जोडा|स्थापित\s+करा|इन्स्टॉल\s+करा|लिहा|ठेवा|समाविष्ट\s+करा|चलाउनुहोस्|थप्नुहोस्|स्थापना\s+गर्नुहोस्|लेख्नुहोस्|राख्नुहोस्|डालें|लिखें|इंस्टॉल\s+करें|शामिल\s+करें|ධාවනය\s+කරන්න|එක්\s+කරන්න|ස්ථාපනය\s+කරන්න|ලියන්න|තබන්න|ඇතුළත්\s+කරන්න" +
        @"|چلائیں|شامل\s+کریں|انسٹال\s+کریں|لکھیں|رکھیں|وچلوئ|ولیکئ|نصب\s+کړئ|اضافه\s+کړئ|نصب\s+کن|بنویس|قرار\s+بده|اضافه\s+کنید|اكتب|ثبّت|قم\s+بتشغيل|قم\s+بإضافة" +
        @"|አሂድ|ያሂዱ|ጨምር|ይጨምሩ|ጫን|ይጫኑ|ጻፍ|ይጻፉ|አስቀምጥ|ያስቀምጡ|ใส่|เขียน|ติดตั้ง|ແລ່ນ|ເພີ່ມ|ຕິດຕັ້ງ|ຂຽນ|ໃສ່|បន្ថែម|ដំឡើង|សរសេរ|ដាក់|ထည့်|တပ်ဆင်|ရေးပါ|ပြေးပါ|လုပ်ဆောင်ပါ";

    /// <summary>Imperatives that move data out or destroy (send, upload, copy, paste, delete, remove, disable, publish, share, push).</summary>
    public const string DangerLatin =
        @"\b(?:sendu|sendið|hla[ðd](?:du|ið)\s+upp|afritaðu|afritið|eyddu|eyðið|fjarlægðu|slökktu\s+á|birtu|límdu|strika|sletta|avrita" +
        @"|nusiųsk\w*|išsiųsk\w*|siųsk\w*|įkelk\w*|nukopijuok\w*|kopijuok\w*|ištrink\w*|pašalink\w*|išjunk\w*|paskelbk\w*|įklijuok\w*|nosūti\w*|augšupielādē|kopē|dzēs|izdzēs|noņem|atspējo|izslēdz|publicē|ielīmē" +
        @"|saatke|laadi\s+üles|kopeeri\w*|kustuta\w*|eemalda\w*|keela|lülita\s+välja|avalda|kleebi|lataa|liitä|julkaise|poista\s+käytöstä|lähettäkää|töltsd\s+fel|másold|tiltsd\s+le|küldje\s+el|küldd\s+el|illeszd\s+be" +
        @"|pošlji\w*|naloži\w*|kopiraj\w*|izbriši\w*|odstrani\w*|onemogoči\w*|objavi\w*|prilepi\w*|pošalji\w*|učitaj\w*|prenesi\w*|obriši\w*|ukloni\w*|onemogući\w*|isključi\w*|zalijepi\w*|zalepi\w*|pošli\w*|nahraj\w*|skopíruj\w*|zmaž\w*|odstráň\w*|vypni\w*" +
        @"|încarcă|lipește|împinge|dërgo(?:ni)?|ngarko(?:ni)?|kopjo(?:ni)?|fshi(?:ni)?|hiq|çaktivizo(?:ni)?|publiko(?:ni)?|ngjit|sil|silin|kaldır(?:ın)?|devre\s+dışı\s+bırak\w*|yapıştır\w*|göndər\w*|yüklə\w*|kopyala\w*|deaktiv\s+et\w*|söndür\w*|paylaş\w*|yapışdır\w*" +
        @"|yubor(?:ing)?|yukla(?:ng)?|nusxala(?:ng)?|o['’ʼ‘]chir(?:ing)?|tải\s+lên|đẩy|dán|vô\s+hiệu\s+hóa|chia\s+sẻ|công\s+bố|hantar(?:kan)?|muat\s+naik|padam(?:kan)?|buang|nyahaktifkan|lumpuhkan|terbitkan|tampal|tempel|dorong|bagikan|kirimen|unggahen|salinen|busak(?:en)?" +
        @"|ipadala|i-upload|kopyahin|burahin|tanggalin|alisin|i-disable|i-paste|i-push|ibahagi|bandika|shiriki|chapisha|fi\s+ránṣẹ́|firanse|gbé\s+sókè|da\s+kọ|daakọ|pa\s+rẹ́|yọ\s+kúrò|zipu|zitere|bulite|detuo|hichapụ|wepụ|gbanyụọ|aika|loda|kwafa|kwafi|goge|cire|kashe" +
        @"|thumela|layisha|kopisha|susa|cisha|shicilela|namathisela|u\s+dir|soo\s+dir|koobiyee|tirtir|ka\s+saar|dami|daabac|ku\s+dheji|anfon(?:wch)?|llwytho\s+i\s+fyny|uwchlwytho|uwchlwythwch|copïo|copïwch|dileu|dilëwch|analluogi|cyhoeddi|gludo" +
        @"|seol|uaslódáil|cóipeáil|scrios|díchumasaigh|múch|foilsigh|greamaigh|bidali|kopiatu|ezabatu|kendu|desgaitu|argitaratu|itsatsi|envia|envieu|puja|copia|esborra|suprimeix|desactiva|publica|enganxa|envía|sube|borra|pega" +
        @"|ibgħat|ibagħtu|tella['’]|ikkopja|ħassar|neħħi|iddiżattiva|itfi|ippubblika|waħħal)\b";

    /// <summary>The same in the scripts without word boundaries.</summary>
    public const string DangerScript =
        @"გაგზავნე|გააგზავნე|ატვირთე|დააკოპირე|ჩააკოპირე|წაშალე|გამორთე|გამოაქვეყნე|გაუზიარე|გადააგზავნე|დააპუშე|ուղարկիր|ուղարկեք|վերբեռնիր|վերբեռնեք|պատճենիր|պատճենեք|ջնջիր|ջնջեք|անջատիր|անջատեք|հրապարակիր|փոխանցիր" +
        @"|жібер\w*|жүкте\w*|көшір\w*|жой\w*|өшір\w*|жарияла\w*|бөліс\w*|жөнөт\w*|жүктө\w*|көчүр\w*|өчүр\w*|илгээ\w*|байршуул\w*|хуул(?:ж|аарай)|устга\w*|идэвхгүй\s+болго\w*|хуваалц\w*" +
        @"|надішли\w*|відправ\w*|завантаж\w*|скопіюй\w*|видали\w*|вимкни\w*|опублікуй\w*|адпраў\w*|запампуй\w*|скапіюй\w*|выдалі\w*|адключы\w*|апублікуй\w*|изпрати\w*|качи\b|качете|копирай\w*|изтрий\w*|премахни\w*|деактивирай\w*|публикувай\w*" +
        @"|испрати\w*|прикачи\w*|копирај\w*|избриши\w*|отстрани\w*|оневозможи\w*|објави\w*|пошаљи\w*|отпреми\w*|обриши\w*|уклони\w*|онемогући\w*" +
        @"|அனுப்ப|பதிவேற்ற|நகலெடு|நீக்க|முடக்க|வெளியிட|பகிர|ஒட்டவும்|பంపండి|పంపు|అప్‌?లోడ్|కాపీ\s+చేయ|తొలగించ|నిలిపివేయ|ప్రచురించ|షేర్\s+చేయ|అతికించ|ಕಳುಹಿಸಿ|ಅಪ್‌?ಲೋಡ್|ನಕಲಿಸಿ|ಅಳಿಸಿ|ನಿಷ್ಕ್ರಿಯಗೊಳಿಸಿ|ಪ್ರಕಟಿಸಿ|ಹಂಚಿಕೊಳ್ಳಿ|ಅಂಟಿಸಿ" +
        @"|അയയ്ക്ക|അയക്ക|അപ്‌?ലോഡ്|പകർത്ത|ഇല്ലാതാക്ക|നീക്കം\s+ചെയ്യ|പ്രവർത്തനരഹിതമാക്ക|പ്രസിദ്ധീകരിക്ക|പങ്കിട|ഒട്ടിക്ക" +
        @"|পাঠান|পাঠাও|পাঠিয়ে\s+দিন|আপলোড|কপি\s+করুন|মুছে?\s*(?:ফেলুন|দিন)|মুছুন|নিষ্ক্রিয়\s+করুন|প্রকাশ\s+করুন|শেয়ার\s+করুন|পেস্ট\s+করুন|পুশ\s+করুন|મોકલો|અપલોડ|કૉપિ\s+કરો|કોપી\s+કરો|કાઢી\s+નાખો|નિષ્ક્રિય\s+કરો|પ્રકાશિત\s+કરો|શેર\s+કરો|પેસ્ટ\s+કરો" +
        @"|ਭੇਜੋ|ਅੱ?ਪਲੋਡ|ਕਾਪੀ\s+ਕਰੋ|ਮਿਟਾਓ|ਹਟਾਓ|ਬੰਦ\s+ਕਰੋ|ਸਾਂਝਾ\s+ਕਰੋ|ਪੇਸਟ\s+ਕਰੋ|पाठवा|अपलोड\s+करा|कॉपी\s+करा|हटवा|काढून\s+टाका|अक्षम\s+करा|प्रकाशित\s+करा|शेअर\s+करा|पेस्ट\s+करा|पठाउनुहोस्|कपी\s+गर्नुहोस्|मेटाउनुहोस्|हटाउनुहोस्|असक्षम\s+गर्नुहोस्" +
        @"|भेजिए|भेज\s+दें|कॉपी\s+करें|पेस्ट\s+करें|निष्क्रिय\s+करें|पुश\s+करें|साझा\s+करें|යවන්න|උඩුගත\s+කරන්න|පිටපත්\s+කරන්න|මකන්න|ඉවත්\s+කරන්න|අක්‍?රිය\s+කරන්න|බෙදාගන්න" +
        @"|بھیجیں|بھیج\s+دیں|اپ\s*لوڈ\s+کریں|کاپی\s+کریں|حذف\s+کریں|ہٹا\s+دیں|غیر\s+فعال\s+کریں|شائع\s+کریں|شیئر\s+کریں|پیسٹ\s+کریں|ولېږئ|ولېږه|پورته\s+کړئ|کاپي\s+کړئ|ړنګ\s+کړئ|لرې\s+کړئ" +
        @"|بارگذاری\s+کن|ارسال\s+کنید|حذف\s+کنید|کپی\s+کنید|بفرستید|انشر|الصق|قم\s+(?:بإرسال|بنسخ|بتعطيل|برفع|بحذف)|פרסם|שתף|הדבק|שלחי|העלו" +
        @"|ላክ|ይላኩ|ስቀል|ይስቀሉ|ይቅዱ|ሰርዝ|ይሰርዙ|አሰናክል|ያሰናክሉ|አጋራ|แชร์|พุช|เผยแพร่|ສົ່ງ|ອັບໂຫຼດ|ສຳເນົາ|ລຶບ|ແບ່ງປັນ|ផ្ញើ|បង្ហោះ|ចម្លង|លុប|ចែករំលែក|ပို့|အပ်လုဒ်|ကူးယူ|ကော်ပီ|ဖျက်|မျှဝေ";

    /// <summary>"Please" and "must" (an order put politely or as an obligation).</summary>
    public const string Modal =
        @"\b(?:vinsamlegast|skaltu|prašau|prašome|privalai|privalote|lūdzu|palun|kérlek|kérem|prosim|molim|morate|te\s+rog|vă\s+rog|trebuie|ju\s+lutem|të\s+lutem|duhet|zəhmət\s+olmasa|lütfən|iltimos|tolong|mohon|tulung|kudu|pakiusap|kailangan|tafadhali|lazima|jọ̀wọ́|jowo|gbọ́dọ̀|biko|don\s+allah|dole|ngicela|sicela|kufanele|kumele|fadlan|os\s+gwelwch\s+yn\s+dda|rhaid|le\s+do\s+thoil|caithfidh|mesedez|si\s+us\s+plau|jekk\s+jogħġbok)\b" +
        @"|გთხოვთ|გთხოვ|უნდა|խնդրում\s+եմ|պետք\s+է|өтінемін|міндетті|керек|будь\s+ласка|калі\s+ласка|моля|ве\s+молам|трябва|мора\b|трэба|пожалуйста|тயவுசெய்து|தயவுசெய்து|வேண்டும்|దయచేసి|తప్పనిసరిగా|ದಯವಿಟ್ಟು|ദയവായി|অনুগ্রহ\s+করে|দয়া\s+করে|অবশ্যই|કૃપા\s+કરીને|ਕਿਰਪਾ\s+ਕਰਕੇ|पाहिजे|गर्नुपर्छ|කරුණාකර|براہ\s*[ِ]?\s*کرم|مہربانی|لازمی|مهرباني\s+وکړئ|باید|እባክ(?:ዎ|ህ)|กรุณา|โปรด|ກະລຸນາ|សូម|ကျေးဇူးပြု";

    /// <summary>Keeping the person out of the loop: "don't tell (the user)", "don't mention", "secretly", "quietly".</summary>
    public const string Secrecy =
        @"\b(?:ekki\s+segja|segðu\s+ekki|ekki\s+nefna|án\s+þess\s+að\s+láta|leynilega|sig\s+ikki|loyniliga|nesakyk\w*|neminėk\w*|nepranešk\w*|slapta|nesaki|nestāsti|nepiemini|neinformē|slepeni|ära\s+ütle|ära\s+maini|ära\s+teavita|salaja|älä\s+kerro|älä\s+mainitse|älä\s+ilmoita|kertomatta|salaa" +
        @"|ne\s+szólj|ne\s+mondd\s+el|ne\s+említsd|ne\s+értesítsd|titokban|ne\s+povej\w*|ne\s+omenjaj\w*|ne\s+obveščaj\w*|ne\s+govori\w*|ne\s+spominji\w*|ne\s+obavještavaj\w*|potajno|nu\s+(?:îi\s+)?spune|nu-i\s+spune|nu\s+menționa|în\s+secret|pe\s+tăcute" +
        @"|mos\s+(?:i\s+)?thuaj|mos\s+përmend|fshehurazi|demə|deməyin|bildirmə|xəbər\s+vermə|gizlicə|səssizcə|aytma(?:ng)?|xabar\s+berma|bildirma|yashirincha|jimgina|huwag\s+(?:sabihin|ipaalam|banggitin)|nang\s+palihim|usiseme|usitaje|kwa\s+siri" +
        @"|má\s+sọ\s+fún|ma\s+so\s+fun|agwala|ekwula|na\s+nzuzo|kada\s+ka\s+(?:gaya|sanar)|kar\s+ka\s+gaya|a\s+asirce|ungatsheli|musa\s+ukutshela|ngasese|ha\s+u\s+sheegin|ha\s+xusin|si\s+qarsoodi|peidiwch\s+â\s+(?:dweud|sôn)|paid\s+â\s+dweud|yn\s+gyfrinachol" +
        @"|ná\s+habair|ná\s+luaigh|go\s+rúnda|ez\s+esan|ez\s+aipatu|isilean|ezkutuan|no\s+(?:ho\s+)?diguis|no\s+mencionis|sense\s+avisar|non\s+(?:lle\s+)?digas|tgħidx|issemmix|bil-moħbi|aja\s+(?:kandha|ngomong))\b" +
        @"|არ\s+უთხრა|არ\s+ახსენო|არ\s+შეატყობინო|ჩუმად|ფარულად|մի\s+ասա|մի\s+նշիր|մի\s+տեղեկացրու|առանց\s+տեղեկացնելու|գաղտնի|айтпа\w*|хабарлама\w*|жасырын|үнсіз|бүү\s+хэл|битгий\s+хэл|хэлэх\s+хэрэггүй|нууцаар|не\s+казвай\w*|не\s+споменавай\w*|тайно|не\s+кажувај|не\s+кажы|не\s+паведамляй|таемна" +
        @"|சொல்ல\s+வேண்டாம்|தெரிவிக்க\s+வேண்டாம்|குறிப்பிட\s+வேண்டாம்|ரகசியமாக|చెప్పవద్దు|తెలియజేయవద్దు|పేర్కొనవద్దు|రహస్యంగా|ಹೇಳಬೇಡಿ|ತಿಳಿಸಬೇಡಿ|ಉಲ್ಲೇಖಿಸಬೇಡಿ|ರಹಸ್ಯವಾಗಿ|പറയരുത്|അറിയിക്കരുത്|പരാമർശിക്കരുത്|രഹസ്യമായി" +
        @"|বলবেন\s+না|বলো\s+না|জানাবেন\s+না|উল্লেখ\s+করবেন\s+না|গোপনে|કહેશો\s+નહીં|જણાવશો\s+નહીં|ઉલ્લેખ\s+કરશો\s+નહીં|ગુપ્ત\s+રીતે|ਨਾ\s+ਦੱਸੋ|ਦੱਸਣਾ\s+ਨਹੀਂ|ਚੁੱਪਚਾਪ|सांगू\s+नका|कळवू\s+नका|उल्लेख\s+करू\s+नका|गुपचूप|नभन्नुहोस्|नबताउनुहोस्" +
        @"|කියන්න\s+එපා|දන්වන්න\s+එපා|රහසින්|نہ\s+بتائیں|مت\s+بتائیں|ذکر\s+نہ\s+کریں|اطلاع\s+نہ\s+دیں|چپکے\s+سے|خفیہ\s+طور|مه\s+وای|په\s+پټه|دون\s+أن\s+تخبر|لا\s+تبلغ|خفية|אל\s+תדווח|בסתר" +
        @"|አትንገር|አይንገሩ|አትጥቀስ|በሚስጥር|ຢ່າບອກ|ບໍ່ຕ້ອງບອກ|ແບບລັບໆ|កុំប្រាប់|កុំជូនដំណឹង|ដោយសម្ងាត់|မပြောပါနဲ့|မပြောနဲ့|မပြောပါနှင့်|လျှို့ဝှက်|တိတ်တဆိတ်";

    // Ignore / forget (the verb), and what is ignored: instructions, rules, previous.
    private const string OverrideVerbLatin =
        @"\b(?:hunsaðu|gleymdu|ignoruok\w*|pamiršk\w*|ignorē|aizmirsti|ignoreeri\w*|unusta\w*|prezri\w*|pozabi\w*|zanemari\w*|ignoriraj\w*|zaboravi\w*|injoro(?:ni)?|harro(?:ni)?|nəzərə\s+alma|e['’ʼ‘]tibor\s+berma|huwag\s+pansinin|kalimutan|abaikan|lupakan" +
        @"|fojú\s+fo|foju\s+fo|leghara\s+anya|yi\s+watsi\s+da|ungazinaki|iska\s+indha\s+tir|anwybyddwch|anghofiwch|déan\s+neamhaird|ahaztu|ez\s+ikusi\s+egin|unut\w*)\b";

    private const string OverrideVerbScript =
        @"უგულებელყავი|დაივიწყე|անտեսիր|մոռացիր|елеме\w*|ұмыт\w*|унут\w*|үл\s+тоомсорло|игнорирай|игнорирај|игнориши|забрави|заборави|ігнаруй|забудзь|புறக்கணி|மறந்துவிடு|విస్మరించ|మర్చిపో|ನಿರ್ಲಕ್ಷಿಸಿ|ಮರೆತುಬಿಡಿ|അവഗണിക്ക|മറക്കുക" +
        @"|উপেক্ষা\s+করুন|ভুলে\s+যান|અવગણો|ભૂલી\s+જાઓ|ਅਣਡਿੱਠਾ\s+ਕਰੋ|ਭੁੱਲ\s+ਜਾਓ|दुर्लक्ष\s+करा|विसरा|बेवास्ता\s+गर्नुहोस्|बिर्सनुहोस्|නොසලකා\s+හරින්න|අමතක\s+කරන්න|نظر\s+انداز\s+کریں|بھول\s+جائیں|هېر\s+کړئ" +
        @"|ችላ\s+(?:በል|ይበሉ)|እርሳ|ບໍ່ສົນໃຈ|មិនអើពើ|បំភ្លេច|လျစ်လျူရှု|မေ့လိုက်";

    private const string OverrideNounLatin =
        @"\b(?:instrukc\w*|instrukt\w*|instruks\w*|instrucț\w*|instrucc\w*|instrucions|instrucións|struzzjonijiet|uput\w*|navodil\w*|pokyn\w*|nurodym\w*|norādījum\w*|juhis\w*|juhend\w*|ohje\w*|leiðbeining\w*|fyrirmæl\w*|udhëzim\w*|talimat\w*|təlimat\w*|ko['’ʼ‘]rsatma\w*|arahan|perintah|tagubilin|utasítás\w*|maagizo|maelekezo|cyfarwyddiad\w*|treoracha\w*|argibide\w*|ntuziaka|umarni|imiyalelo|tilmaam\w*" +
        @"|pravil\w*|reglas?|regler|sääntö\w*|qoidalar\w*|kural\w*|qayda\w*|prethodn\w*|prejšnj\w*|ankstesn\w*|iepriekšēj\w*|eelmis\w*|aiemm\w*|fyrri|mëparshme|önceki|əvvəlki|oldingi|sebelumnya|nakaraan|zilizopita|blaenorol|aurreko)";

    private const string OverrideNounScript =
        @"ინსტრუქცი|მითითებ|წინა|հրահանգ|նախորդ|нұсқау|алдыңғы|нускама|мурунку|заавар|өмнөх|инструкци|інструкці|інструкцы|упатств|упутств|претходн|предишн|попередн|папярэдн|அறிவுறுத்தல்|முந்தைய|సూచనల|మునుపటి|ಸೂಚನೆ|ಹಿಂದಿನ|നിർദ്ദേശ|മുമ്പത്തെ" +
        @"|নির্দেশ|আগের|સૂચના|પહેલાં|ਹਦਾਇਤ|ਪਿਛਲ|सूचना|निर्देश|मागील|अघिल्ल|උපදෙස්|පෙර|ہدایات|پچھل|لارښوون|پخوان|መመሪያ|ቀደም|ຄຳສັ່ງ|ກ່ອນໜ້າ|ការណែនាំ|ညွှန်ကြား|ယခင်";

    /// <summary>Earlier instructions to be ignored or forgotten, in either order (verb first, or object first as in SOV languages).</summary>
    public const string OverrideLatin =
        @"(?:" + OverrideVerbLatin + @")[^.\n。]{0,50}?(?:" + OverrideNounLatin + @")|(?:" + OverrideNounLatin + @")[^.\n。]{0,50}?(?:" + OverrideVerbLatin + ")";

    /// <summary>The same in the scripts without word boundaries.</summary>
    public const string OverrideScript =
        @"(?:" + OverrideVerbScript + @")[^.\n。]{0,50}?(?:" + OverrideNounScript + @")|(?:" + OverrideNounScript + @")[^.\n。]{0,50}?(?:" + OverrideVerbScript + ")";

    /// <summary>A short label naming a reader and ending in a colon, at the start of a line, comment or markup.</summary>
    public const string Label =
        LabelLead + "(?:" + NounsLatin + "|" + NounsScript + ")" + LabelTail;

    // Verbs of sending, uploading, copying or pasting (a subset of the above; also the languages of InjectionVocabulary).
    internal const string SendLatin =
        @"\b(?:sendu|sendið|hla[ðd](?:du|ið)\s+upp|afritaðu|afritið|límdu|avrita|nusiųsk\w*|išsiųsk\w*|siųsk\w*|įkelk\w*|nukopijuok\w*|kopijuok\w*|nosūti\w*|augšupielādē|kopē|ielīmē|saatke|laadi\s+üles|kopeeri\w*|kleebi|liitä|lähetä|lähettäkää" +
        @"|töltsd\s+fel|másold|küldd?(?:je)?(?:\s+el)?|pošlji\w*|naloži\w*|kopiraj\w*|prilepi\w*|pošalji\w*|učitaj\w*|prenesi\w*|pošli\w*|nahraj\w*|skopíruj\w*|încarcă|lipește|trimite\w*|dërgo(?:ni)?|ngarko(?:ni)?|kopjo(?:ni)?" +
        @"|göndər\w*|yüklə\w*|gönder\w*|yükle\w*|kopyala\w*|yubor(?:ing)?|yukla(?:ng)?|nusxala(?:ng)?|tải\s+lên|hantar(?:kan)?|muat\s+naik|kirim\w*|unggah\w*|tampal|tempel|kirimen|unggahen|ipadala|i-upload|kopyahin|tuma|pakia" +
        @"|fi\s+ránṣẹ́|firanse|zipu|zitere|bulite|aika|loda|thumela|layisha|kopisha|u\s+dir|soo\s+dir|anfon(?:wch)?|uwchlwytho|uwchlwythwch|seol|uaslódáil|bidali|kopiatu|envia|envieu|puja|envía|sube|ibgħat|ibagħtu|tella['’])\b";

    internal const string SendScript =
        @"გაგზავნე|გააგზავნე|ატვირთე|დააკოპირე|ჩააკოპირე|გადააგზავნე|ուղարկ|վերբեռն|պատճեն|փոխանց|жібер|жүкте|көшір|жөнөт|жүктө|көчүр|илгээ|байршуул|надішли|відправ|завантаж|адпраў|запампуй|изпрати|качи|испрати|прикачи|пошаљи|отпреми|отправ|загрузи" +
        @"|அனுப்ப|பதிவேற்ற|நகலெடு|పంప|అప్‌?లోడ్|ಕಳುಹಿಸಿ|ಅಪ್‌?ಲೋಡ್|അയയ്ക്ക|അയക്ക|അപ്‌?ലോഡ്|পাঠা|আপলোড|મોકલ|અપલોડ|ਭੇਜ|ਅੱ?ਪਲੋਡ|पाठवा|अपलोड|पठाउ|भेज|යවන්න|උඩුගත" +
        @"|بھیج|اپ\s*لوڈ|ولېږ|پورته\s+کړئ|بفرست|ارسال|بارگذاری|أرسل|ارسل|ارفع|قم\s+بإرسال|שלח|העל|ላክ|ይላኩ|ስቀል|ይስቀሉ|ส่ง|อัปโหลด|ສົ່ງ|ອັບໂຫຼດ|ផ្ញើ|បង្ហោះ|ပို့|အပ်လုဒ်|发送|上传|送信|보내|전송|업로드";

    /// <summary>
    /// A destination for data: a URL in the clause of one of these verbs of sending or copying, before or after it (the
    /// verb ends the clause in SOV languages). The verbs alone are no payload: "before sending changes, run the tests"
    /// is ordinary guidance.
    /// </summary>
    public const string ChannelLatin =
        "(?:" + SendLatin + ")" + ClauseAhead + "https?://|" + Url + ClauseBehind + "(?:" + SendLatin + ")";

    /// <summary>The same in the scripts without word boundaries.</summary>
    public const string ChannelScript =
        "(?:" + SendScript + ")" + ClauseAhead + "https?://|" + Url + ClauseBehind + "(?:" + SendScript + ")";

    internal const string Url = @"https?://[^\s<>""]+";

    /// <summary>A reader under an obligation in further languages: "Asystenci AI ... powinni", "AI-asszisztensnek kell", "агенти повинні".</summary>
    public const string Obligation =
        @"\b(?:asystenc\w*|asystent\w*|agenc\w*|agent\w*|asistent\w*|asszisztens\w*|avustaj\w*|asistan\w*|ajan\w*)(?:[\s-]+\S+){0,6}?\s+(?:powinn\w+|muszą|musi|mają|by\s+měl\w*|musí|mali\s+by|treba|trebuie|kell|pitää|täytyy|tulee|peab|turi|privalo|gerekir|zorunda|lazımdır|kerak|harus|lazima|inapaswa|\w+(?:malıdır|melidir|malı|meli))\b" +
        @"|(?:асистент\w*|агент\w*|ассистент\w*|помічник\w*|көмекші\w*)(?:[\s-]+\S+){0,6}?\s+(?:повинн\w+|мора\w*|трябва|треба|має|мають|должн\w+|керек|тиіс)\b";
}
