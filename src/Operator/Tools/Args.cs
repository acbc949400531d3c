using System.Globalization;
using System.Text.Json;

namespace Smooth.Operator.Tools;

/// <summary>Reads tool arguments with errors the model can act on.</summary>
public static class Args
{
    /// <summary>A required string.</summary>
    public static string String(JsonElement args, string name) =>
        OptionalString(args, name) ?? throw new ToolException($"missing required argument '{name}' (a string)");

    /// <summary>An optional string.</summary>
    public static string? OptionalString(JsonElement args, string name)
    {
        if (!args.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return null;
        return v.ValueKind == JsonValueKind.String ? v.GetString() : throw new ToolException($"argument '{name}' must be a string");
    }

    /// <summary>An optional integer with bounds.</summary>
    public static int? OptionalInt(JsonElement args, string name, int min, int max)
    {
        if (!args.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return null;
        int n;
        if (v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i)) n = i;
        else if (v.ValueKind == JsonValueKind.String && int.TryParse(v.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var j)) n = j;
        else throw new ToolException($"argument '{name}' must be an integer");
        if (n < min || n > max) throw new ToolException($"argument '{name}' must be between {min} and {max} (got {n})");
        return n;
    }

    /// <summary>An optional boolean.</summary>
    public static bool OptionalBool(JsonElement args, string name, bool fallback = false)
    {
        if (!args.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return fallback;
        return v.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new ToolException($"argument '{name}' must be true or false"),
        };
    }
}
