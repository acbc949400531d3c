namespace Smooth.Surveillance;

/// <summary>How bad a match is. <c>th narc scan</c> exits non-zero when anything is <see cref="High"/> or worse.</summary>
public enum Severity
{
    /// <summary>Worth noting.</summary>
    Low,
    /// <summary>Suspicious.</summary>
    Medium,
    /// <summary>Almost certainly harmful or a live credential.</summary>
    High,
    /// <summary>Harmful beyond doubt (cloud root keys, private keys, disk wipes).</summary>
    Critical,
}
