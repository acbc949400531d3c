using Smooth.Surveillance.Rules;

namespace Smooth.Surveillance.Scanning;

/// <summary>
/// A rule match before it becomes a <see cref="Finding"/>; Start/Length cover the secret for secret rules, the window
/// for scorer rules, whose <paramref name="Score"/> is the window's probability (NaN for other rules) and whose
/// <paramref name="Corroboration"/> names the heuristic's families when the window counts below the threshold.
/// </summary>
internal readonly record struct RawMatch(CompiledRule Rule, int Start, int Length, bool Uncertain, double Score = double.NaN, IReadOnlyList<string>? Corroboration = null);
