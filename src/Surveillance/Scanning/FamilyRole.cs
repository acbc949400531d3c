namespace Smooth.Surveillance.Scanning;

/// <summary>What a family of signals says about a paragraph.</summary>
[Flags]
internal enum FamilyRole
{
    /// <summary>Only adds weight.</summary>
    None = 0,
    /// <summary>Shows the text is meant to steer an automated reader (one is needed before anything is scored).</summary>
    Anchor = 1,
    /// <summary>Asks the reader to do something (one is needed: being addressed alone is harmless).</summary>
    Ask = 2,
    /// <summary>Makes the request harmful: an override, secrecy, a bypass, a dangerous verb, a sensitive target or an outside channel (one is needed: "agents: add a test" is a convention).</summary>
    Payload = 4,
}
