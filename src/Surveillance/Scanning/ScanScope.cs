namespace Smooth.Surveillance.Scanning;

/// <summary>Which rules a scan runs: categories, and whether rules that decode (base64) take part.</summary>
[Flags]
internal enum ScanScope
{
    /// <summary>Secret rules.</summary>
    Secrets = 1,
    /// <summary>Prompt-injection rules.</summary>
    Injection = 2,
    /// <summary>Command rules.</summary>
    Commands = 4,
    /// <summary>Leave out rules that decode their match (the one level of a decoded payload's own scan).</summary>
    NoDecoding = 8,
}
