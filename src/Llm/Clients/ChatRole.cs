namespace Smooth.Llm.Clients;

/// <summary>Who said a message.</summary>
public enum ChatRole
{
    /// <summary>Instructions for the model.</summary>
    System,
    /// <summary>The person (or the operator speaking for them).</summary>
    User,
    /// <summary>The model.</summary>
    Assistant,
    /// <summary>A tool's result.</summary>
    Tool,
}
