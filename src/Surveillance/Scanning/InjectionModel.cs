using System.Buffers.Binary;

namespace Smooth.Surveillance.Scanning;

/// <summary>
/// A learned injection scorer: a linear model over the hashed words, word pairs and word prefixes of
/// <see cref="InjectionTokens"/>, summed over a sliding window of <see cref="Window"/> tokens. An injection is a
/// passage inside an ordinary file, so the text scores as its best window. The weights were trained offline on the
/// labelled corpus (<c>--train-model</c> of the surveillance benchmark) and ship as an embedded resource; one pass over
/// the text, no allocation per token. It is one signal among the rules: it finds the wording of requests made to an
/// automated reader where no pattern was written for it.
/// </summary>
internal sealed class InjectionModel
{
    /// <summary>The name of the embedded resource that holds the built-in weights.</summary>
    public const string ResourceName = "Smooth.Surveillance.injection-model.bin";

    private const uint Magic = 0x314D4A49; // "IJM1"

    private readonly sbyte[] _weights;

    /// <summary>Creates a model from quantised weights (one per bucket), their scale, a bias and a window length.</summary>
    public InjectionModel(sbyte[] weights, float scale, float bias, int window)
    {
        if (weights.Length != InjectionTokens.Buckets) throw new ArgumentException("one weight per bucket expected", nameof(weights));
        if (window is < 1 or > 256) throw new ArgumentOutOfRangeException(nameof(window));
        _weights = weights;
        Scale = scale;
        Bias = bias;
        Window = window;
    }

    /// <summary>What one unit of a quantised weight is worth.</summary>
    public float Scale { get; }

    /// <summary>Added to every window's sum.</summary>
    public float Bias { get; }

    /// <summary>Tokens per window.</summary>
    public int Window { get; }

    /// <summary>The built-in model, or null when the resource is missing.</summary>
    public static InjectionModel? Builtin => BuiltinModel.Value;

    private static readonly Lazy<InjectionModel?> BuiltinModel = new(() =>
    {
        using var stream = typeof(InjectionModel).Assembly.GetManifestResourceStream(ResourceName);
        if (stream is null) return null;
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return Read(buffer.ToArray());
    });

    /// <summary>The best window of <paramref name="text"/>: its score (a log-odds) and its character span.</summary>
    public (float Score, int Start, int End) Best(ReadOnlySpan<char> text)
    {
        var state = new WindowState(Window);
        InjectionTokens.Read(text, ref state, (ref WindowState s, int start, int end, int word, int pair, int prefix) =>
        {
            var w = _weights;
            var value = w[word] + w[pair] + (prefix >= 0 ? w[prefix] : 0);
            s.Push(value, start, end);
        });
        if (state.Count == 0) return (float.NegativeInfinity, 0, 0);
        return (Bias + Scale * state.BestSum, state.BestStart, state.BestEnd);
    }

    /// <summary>Serialises the model (the format <see cref="Read"/> takes): only non-zero weights are stored.</summary>
    public byte[] Write()
    {
        var nonZero = _weights.Count(w => w != 0);
        var bytes = new byte[20 + nonZero * 5];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, Magic);
        BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(4), Scale);
        BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(8), Bias);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(12), Window);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(16), nonZero);
        var at = 20;
        for (var b = 0; b < _weights.Length; b++)
        {
            if (_weights[b] == 0) continue;
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(at), b);
            bytes[at + 4] = (byte)_weights[b];
            at += 5;
        }
        return bytes;
    }

    /// <summary>Reads a model written by <see cref="Write"/>.</summary>
    public static InjectionModel Read(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 20 || BinaryPrimitives.ReadUInt32LittleEndian(bytes) != Magic) throw new InvalidDataException("not an injection model");
        var scale = BinaryPrimitives.ReadSingleLittleEndian(bytes[4..]);
        var bias = BinaryPrimitives.ReadSingleLittleEndian(bytes[8..]);
        var window = BinaryPrimitives.ReadInt32LittleEndian(bytes[12..]);
        var count = BinaryPrimitives.ReadInt32LittleEndian(bytes[16..]);
        if (count < 0 || bytes.Length != 20 + (long)count * 5) throw new InvalidDataException("truncated injection model");
        var weights = new sbyte[InjectionTokens.Buckets];
        for (var k = 0; k < count; k++)
        {
            var entry = bytes.Slice(20 + k * 5, 5);
            var bucket = BinaryPrimitives.ReadInt32LittleEndian(entry);
            if ((uint)bucket >= InjectionTokens.Buckets) throw new InvalidDataException("bucket out of range");
            weights[bucket] = (sbyte)entry[4];
        }
        return new InjectionModel(weights, scale, bias, window);
    }

    // A ring of the last Window tokens' values and spans, and the best running sum seen.
    private struct WindowState(int window)
    {
        private readonly int[] _values = new int[window];
        private readonly int[] _starts = new int[window];
        private int _sum;
        public int Count;
        public int BestSum = int.MinValue;
        public int BestStart;
        public int BestEnd;

        public void Push(int value, int start, int end)
        {
            var slot = Count % _values.Length;
            if (Count >= _values.Length) _sum -= _values[slot];
            _values[slot] = value;
            _starts[slot] = start;
            _sum += value;
            Count++;
            // Every window ending here counts: the full ones, and at the start of the text the shorter ones.
            if (_sum > BestSum)
            {
                BestSum = _sum;
                BestStart = _starts[Count >= _values.Length ? Count % _values.Length : 0];
                BestEnd = end;
            }
        }
    }
}
