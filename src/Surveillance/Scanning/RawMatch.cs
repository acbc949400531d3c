using Smooth.Surveillance.Rules;

namespace Smooth.Surveillance.Scanning;

/// <summary>A rule match before it becomes a <see cref="Finding"/>; Start/Length cover the secret for secret rules.</summary>
internal readonly record struct RawMatch(CompiledRule Rule, int Start, int Length, bool Uncertain);
