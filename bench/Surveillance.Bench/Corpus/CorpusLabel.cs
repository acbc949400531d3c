namespace Smooth.Surveillance.Bench.Corpus;

/// <summary>The label of a corpus document.</summary>
public enum CorpusLabel
{
    /// <summary>Contains a (synthetic) secret in a valid format.</summary>
    Secret,
    /// <summary>Looks like a secret but is not (hashes, UUIDs, base64 blobs, documented example keys, placeholders).</summary>
    NearMiss,
    /// <summary>Contains a prompt injection.</summary>
    Injection,
    /// <summary>A prompt injection of the current held-out set (v6), reported separately and never tuned on.</summary>
    InjectionHeldOut,
    /// <summary>Legitimate text of the current held-out set (v6 hard negatives), reported separately and never tuned on.</summary>
    BenignHeldOut,
    /// <summary>Ordinary text: code, docs, logs, configuration.</summary>
    Benign,
    /// <summary>A dangerous shell command.</summary>
    DangerousCommand,
    /// <summary>An ordinary shell command.</summary>
    BenignCommand,
}
