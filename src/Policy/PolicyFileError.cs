namespace Smooth.Policy;

/// <summary>A policy file that cannot be used, with the place of the problem.</summary>
public sealed class PolicyFileError(string message) : Exception(message);
