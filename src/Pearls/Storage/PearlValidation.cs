using Smooth.Core;

namespace Smooth.Pearls.Storage;

/// <summary>Checks of user-supplied field values; each failure is a BadInput error saying what is allowed.</summary>
internal static class PearlValidation
{
    public const int MaxTitle = 500;
    public const int MaxLabel = 64;
    public const int MaxText = 1_000_000;

    public static string Title(string? title)
    {
        var t = title?.Trim() ?? "";
        if (t.Length == 0)
        {
            throw Bad("the title is empty", "give the pearl a one-line title");
        }
        if (t.Length > MaxTitle || t.Any(char.IsControl))
        {
            throw Bad($"the title must be one line of at most {MaxTitle} characters", "put details in --description");
        }
        return t;
    }

    public static string Text(string? text, string what)
    {
        var t = text ?? "";
        if (t.Length > MaxText)
        {
            throw Bad($"the {what} is longer than {MaxText} characters", "shorten it");
        }
        return t;
    }

    public static string NonBlank(string? text, string what)
    {
        var t = Text(text, what).Trim();
        if (t.Length == 0)
        {
            throw Bad($"the {what} is empty", $"give a {what}");
        }
        return t;
    }

    public static int Priority(int priority)
    {
        if (priority is < 0 or > 4)
        {
            throw Bad($"priority {priority} is out of range", "use 0 (most urgent) to 4");
        }
        return priority;
    }

    public static string Label(string label)
    {
        var l = label.Trim();
        if (l.Length == 0 || l.Length > MaxLabel || l.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c == ','))
        {
            throw Bad($"'{label}' is not a valid label", $"labels are 1-{MaxLabel} characters without spaces or commas");
        }
        return l;
    }

    public static string[] Labels(IEnumerable<string> labels) =>
        labels.Select(Label).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();

    public static string? Name(string? name, string what)
    {
        if (name is null)
        {
            return null;
        }
        var n = name.Trim();
        if (n.Length == 0 || n.Length > 200 || n.Any(char.IsControl))
        {
            throw Bad($"'{name}' is not a valid {what}", $"a {what} is one line of 1-200 characters");
        }
        return n;
    }

    public static SmoothException Bad(string message, string hint) => new(message, hint, ExitCodes.BadInput);
}
