namespace Smooth.Llm.Clients;

/// <summary>
/// A model call failed. <see cref="IsTransient"/> says whether trying again may help (429, 5xx, timeouts, cut
/// connections). The message never holds a key.
/// </summary>
public sealed class ChatModelException : Exception
{
    /// <summary>Creates the error.</summary>
    public ChatModelException(string message, int? statusCode, bool isTransient, Exception? inner = null) : base(message, inner)
    {
        StatusCode = statusCode;
        IsTransient = isTransient;
    }

    /// <summary>The HTTP status, when there was one.</summary>
    public int? StatusCode { get; }

    /// <summary>True when a retry may succeed.</summary>
    public bool IsTransient { get; }

    /// <summary>True for statuses worth retrying: 408, 409, 429 and 5xx.</summary>
    public static bool IsTransientStatus(int status) => status is 408 or 409 or 429 || status >= 500;
}
