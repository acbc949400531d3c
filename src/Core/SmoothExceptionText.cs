namespace Smooth.Core;

/// <summary>Turns an exception into one line fit for a person, a run result or an event.</summary>
public static class SmoothExceptionText
{
    /// <summary>The message (and hint for <see cref="SmoothException"/>), never a stack trace.</summary>
    public static string Of(Exception e) => e is SmoothException s && s.Hint is not null ? $"{s.Message} ({s.Hint})" : e.Message;
}
