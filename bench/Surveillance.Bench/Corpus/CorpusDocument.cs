namespace Smooth.Surveillance.Bench.Corpus;

/// <summary>One labelled text of the quality corpus.</summary>
/// <param name="Name">Where it came from (file and chunk, or rule and seed).</param>
/// <param name="Text">The text.</param>
/// <param name="Label">What it is.</param>
/// <param name="RuleId">For generated secrets, the rule whose format produced it.</param>
public sealed record CorpusDocument(string Name, string Text, CorpusLabel Label, string? RuleId = null);
