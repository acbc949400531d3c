namespace Smooth.Pearls;

/// <summary>Who is making a change: <c>$SMOOTH_ACTOR</c> when set (operators set it), otherwise the OS user.</summary>
public static class Actor
{
    /// <summary>The environment variable that names the actor.</summary>
    public const string EnvironmentVariable = "SMOOTH_ACTOR";

    /// <summary>The current actor.</summary>
    public static string Current
    {
        get
        {
            var fromEnv = Environment.GetEnvironmentVariable(EnvironmentVariable);
            if (!string.IsNullOrWhiteSpace(fromEnv))
            {
                return fromEnv.Trim();
            }
            var user = Environment.UserName;
            return string.IsNullOrWhiteSpace(user) ? "unknown" : user;
        }
    }
}
