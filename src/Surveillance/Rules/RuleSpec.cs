namespace Smooth.Surveillance.Rules;

/// <summary>
/// One rule as written in a rule file (see docs/surveillance.md). A spec with an id that already exists and no
/// <see cref="Regex"/> is a partial override: only the fields it sets change.
/// </summary>
public sealed record RuleSpec
{
    /// <summary>Unique id, lowercase words joined by dashes (e.g. <c>github-pat</c>).</summary>
    public required string Id { get; init; }
    /// <summary>What the rule watches for.</summary>
    public RuleCategory? Category { get; init; }
    /// <summary>How bad a match is.</summary>
    public Severity? Severity { get; init; }
    /// <summary>What to do on a match.</summary>
    public RuleAction? Action { get; init; }
    /// <summary>For people: what it detects.</summary>
    public string? Description { get; init; }
    /// <summary>Case-insensitive words of which at least one must occur for the rule to run; none means it always runs.</summary>
    public IReadOnlyList<string>? Keywords { get; init; }
    /// <summary>
    /// True when a keyword that begins with a letter counts only at the start of a word: "ai" in "email" opens no
    /// window. For rules whose every match holds one of their keywords at the start of a word.
    /// </summary>
    public bool? KeywordsAtWordStart { get; init; }
    /// <summary>
    /// True when a keyword counts only as written (letter case included): for rules whose regex is case-sensitive, so
    /// "TOKEN" opens a window for an environment-style assignment and "token" in code does not.
    /// </summary>
    public bool? KeywordsCaseSensitive { get; init; }
    /// <summary>
    /// Rules that name the same gate share a first look at each window: one pass of their patterns joined decides
    /// whether any of them can match there, and only then does each run its own. For twins that read the same windows.
    /// </summary>
    public string? Gate { get; init; }
    /// <summary>The pattern; a group named <c>secret</c> marks the part to check, redact and measure.</summary>
    public string? Regex { get; init; }
    /// <summary>Patterns that, when they match the secret (or the whole match), drop the finding.</summary>
    public IReadOnlyList<string>? Allowlist { get; init; }
    /// <summary>Minimum Shannon entropy (bits per character) of the secret for a match to count.</summary>
    public double? Entropy { get; init; }
    /// <summary>Below this entropy (and at or above <see cref="Entropy"/>) a match is uncertain and goes to the judge.</summary>
    public double? CertainEntropy { get; init; }
    /// <summary>How far (characters) after a keyword a match may extend, across lines; default: to the end of the line (at most 1024).</summary>
    public int? Reach { get; init; }
    /// <summary><c>base64</c>: decode the match and keep it only if the decoded text matches <see cref="DecodedRegex"/> or, without one, trips an injection or command rule.</summary>
    public string? Decode { get; init; }
    /// <summary>Pattern the decoded text must match (with <see cref="Decode"/>); optional.</summary>
    public string? DecodedRegex { get; init; }
    /// <summary>With <see cref="Decode"/> and no keywords: the rule runs only on runs of at least this many base64 characters (found with a vectorised search).</summary>
    public int? MinRun { get; init; }
    /// <summary>For rules without keywords: characters of which at least one must occur for the rule to run (e.g. invisible code points).</summary>
    public string? TriggerChars { get; init; }
    /// <summary>A template that produces synthetic matching text for tests and the corpus, e.g. <c>ghp_{alnum:36}</c>.</summary>
    public string? Sample { get; init; }
    /// <summary>Run with the backtracking engine (bounded by a match timeout) for constructs the linear engine lacks.</summary>
    public bool? Backtracking { get; init; }
    /// <summary>False disables the rule.</summary>
    public bool? Enabled { get; init; }
    /// <summary>
    /// A second look at each match: <c>injection</c> keeps a match only when the paragraph around it scores as a prompt
    /// injection (several families of signals; see docs/surveillance.md).
    /// </summary>
    public string? Heuristic { get; init; }
    /// <summary>
    /// A learned scorer that runs in place of a regex (e.g. <c>injection-linear-v1</c>): it scores every window of the
    /// text and reports the windows at or above <see cref="Threshold"/>.
    /// </summary>
    public string? Scorer { get; init; }
    /// <summary>With <see cref="Scorer"/>: the probability (between 0 and 1) at or above which a window counts; default: the model's own.</summary>
    public double? Threshold { get; init; }
    /// <summary>
    /// With <see cref="Scorer"/>: a lower probability at which a window also counts when the injection heuristic
    /// corroborates it (the same span addresses an automated reader and says more); no effect at or above the threshold in force.
    /// </summary>
    public double? CorroboratedThreshold { get; init; }
    /// <summary>The file the rule came from (<c>builtin</c> for the shipped rules).</summary>
    public string Source { get; init; } = "";
    /// <summary>The 1-based line of the rule in <see cref="Source"/>.</summary>
    public int Line { get; init; }
}
