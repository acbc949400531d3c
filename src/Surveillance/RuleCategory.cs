namespace Smooth.Surveillance;

/// <summary>What a rule watches for.</summary>
public enum RuleCategory
{
    /// <summary>A credential: API keys, tokens, private keys, passwords in connection strings.</summary>
    Secret,
    /// <summary>Prompt injection in tool results and fetched content.</summary>
    Injection,
    /// <summary>A dangerous shell command (destructive, reverse shell, credential dumping, proxy bypass ...).</summary>
    Command,
    /// <summary>A write to a protected path.</summary>
    Write,
}
