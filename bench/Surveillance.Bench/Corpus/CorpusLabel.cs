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
    /// <summary>A prompt injection from the later held-out sets (v3, v4), reported separately; both were used for tuning on 2026-11-30.</summary>
    InjectionHeldOut,
    /// <summary>Ordinary text: code, docs, logs, configuration.</summary>
    Benign,
    /// <summary>A dangerous shell command.</summary>
    DangerousCommand,
    /// <summary>An ordinary shell command.</summary>
    BenignCommand,
}
