namespace Smooth.Llm.Config;

/// <summary>The routing slots a caller can name instead of a model.</summary>
public static class ModelSlots
{
    /// <summary>Writing code.</summary>
    public const string Coding = "smooth-coding";
    /// <summary>Planning and hard reasoning.</summary>
    public const string Reasoning = "smooth-reasoning";
    /// <summary>Reviewing changes.</summary>
    public const string Reviewing = "smooth-reviewing";
    /// <summary>The surveillance judge.</summary>
    public const string Judge = "smooth-judge";
    /// <summary>Compressing context.</summary>
    public const string Summarize = "smooth-summarize";
    /// <summary>Cheap, quick answers.</summary>
    public const string Fast = "smooth-fast";
    /// <summary>Anything else; an alias of <see cref="Coding"/> when not routed.</summary>
    public const string Default = "smooth-default";

    /// <summary>Every slot, in display order.</summary>
    public static IReadOnlyList<string> All { get; } = [Coding, Reasoning, Reviewing, Judge, Summarize, Fast, Default];

    /// <summary>True when <paramref name="name"/> is a slot.</summary>
    public static bool IsSlot(string name) => All.Contains(name, StringComparer.Ordinal);
}
