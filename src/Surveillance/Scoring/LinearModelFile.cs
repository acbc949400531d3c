using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Smooth.Surveillance.Scoring;

/// <summary>
/// The binary file of a <see cref="LinearModel"/> (little-endian): a 96-byte header — magic <c>NARCLINM</c>, format
/// version, header length, feature kinds, bucket bits, weight bits, chunk and window shapes, norm floor, scale, bias, threshold,
/// weight count and a SHA-256 of the header and weights — followed by one signed byte per bucket. Reading validates
/// every field and the checksum and refuses anything else with a message that says what is wrong: a scorer with a
/// broken model must not run, since its silence would look like clean text.
/// </summary>
internal static class LinearModelFile
{
    /// <summary>The format version this build reads and writes.</summary>
    public const ushort Version = 1;
    /// <summary>Bytes before the weights.</summary>
    public const int HeaderLength = 96;

    private static ReadOnlySpan<byte> Magic => "NARCLINM"u8;
    private const int DigestOffset = 64;
    private const int MinBucketBits = 10;
    private const int MaxBucketBits = 24;

    /// <summary>The file's bytes.</summary>
    public static byte[] Write(LinearModel model)
    {
        var bytes = new byte[HeaderLength + model.Weights.Length];
        var h = bytes.AsSpan();
        Magic.CopyTo(h);
        BinaryPrimitives.WriteUInt16LittleEndian(h[8..], Version);
        BinaryPrimitives.WriteUInt16LittleEndian(h[10..], HeaderLength);
        BinaryPrimitives.WriteUInt32LittleEndian(h[12..], (uint)model.Kinds);
        h[16] = (byte)model.BucketBits;
        h[17] = 8;
        BinaryPrimitives.WriteUInt32LittleEndian(h[20..], (uint)model.ChunkChars);
        BinaryPrimitives.WriteUInt32LittleEndian(h[24..], (uint)model.WindowChunks);
        BinaryPrimitives.WriteUInt32LittleEndian(h[28..], (uint)model.NormFloor);
        BinaryPrimitives.WriteDoubleLittleEndian(h[32..], model.Scale);
        BinaryPrimitives.WriteDoubleLittleEndian(h[40..], model.Bias);
        BinaryPrimitives.WriteDoubleLittleEndian(h[48..], model.Threshold);
        BinaryPrimitives.WriteUInt32LittleEndian(h[56..], (uint)model.Weights.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(h[60..], (uint)model.SmallWindowChunks);
        for (var i = 0; i < model.Weights.Length; i++) bytes[HeaderLength + i] = unchecked((byte)model.Weights[i]);
        Digest(bytes).CopyTo(h[DigestOffset..]);
        return bytes;
    }

    /// <summary>Reads and validates a model; throws <see cref="InvalidDataException"/> naming <paramref name="source"/> and the problem.</summary>
    public static LinearModel Read(ReadOnlySpan<byte> bytes, string source)
    {
        if (bytes.Length < HeaderLength) throw Bad(source, $"truncated: {bytes.Length} bytes, the header alone needs {HeaderLength}");
        if (!bytes[..8].SequenceEqual(Magic)) throw Bad(source, "not a Narc linear model (the file does not start with NARCLINM)");
        var version = BinaryPrimitives.ReadUInt16LittleEndian(bytes[8..]);
        if (version != Version) throw Bad(source, $"format version {version} is not supported (this build reads version {Version}); retrain or update th");
        if (BinaryPrimitives.ReadUInt16LittleEndian(bytes[10..]) != HeaderLength) throw Bad(source, $"the header length is not {HeaderLength}");
        var kinds = (FeatureKinds)BinaryPrimitives.ReadUInt32LittleEndian(bytes[12..]);
        if (kinds != FeatureKinds.All) throw Bad(source, $"feature kinds {(uint)kinds} do not match this scorer's (words, word pairs and character 5-grams: {(uint)FeatureKinds.All})");
        int bits = bytes[16];
        if (bits is < MinBucketBits or > MaxBucketBits) throw Bad(source, $"{bits} bucket bits is out of range ({MinBucketBits}-{MaxBucketBits})");
        if (bytes[17] != 8) throw Bad(source, $"{bytes[17]}-bit weights are not supported (only 8-bit)");
        var chunk = BinaryPrimitives.ReadUInt32LittleEndian(bytes[20..]);
        var window = BinaryPrimitives.ReadUInt32LittleEndian(bytes[24..]);
        if (chunk is < 16 or > 65536 || window is < 1 or > 64) throw Bad(source, $"window shape {chunk} characters x {window} chunks is out of range");
        var small = BinaryPrimitives.ReadUInt32LittleEndian(bytes[60..]);
        if (small >= window) throw Bad(source, $"the small window ({small} chunks) is not smaller than the window ({window})");
        var floor = BinaryPrimitives.ReadUInt32LittleEndian(bytes[28..]);
        if (floor is < 1 or > 1_000_000) throw Bad(source, $"norm floor {floor} is out of range (1-1000000)");
        var scale = BinaryPrimitives.ReadDoubleLittleEndian(bytes[32..]);
        var bias = BinaryPrimitives.ReadDoubleLittleEndian(bytes[40..]);
        var threshold = BinaryPrimitives.ReadDoubleLittleEndian(bytes[48..]);
        if (!double.IsFinite(scale) || scale <= 0) throw Bad(source, $"scale {scale} is not a positive number");
        if (!double.IsFinite(bias)) throw Bad(source, "the bias is not a number");
        if (!(threshold is > 0 and < 1)) throw Bad(source, $"threshold {threshold} is not between 0 and 1");
        var count = BinaryPrimitives.ReadUInt32LittleEndian(bytes[56..]);
        if (count != 1u << bits) throw Bad(source, $"{count} weights for {bits} bucket bits (expected {1u << bits})");
        if (bytes.Length != HeaderLength + count) throw Bad(source, $"truncated or padded: {bytes.Length} bytes, expected {HeaderLength + count}");
        if (!bytes.Slice(DigestOffset, 32).SequenceEqual(Digest(bytes))) throw Bad(source, "checksum mismatch: the header or the weights are corrupt");
        var weights = new sbyte[count];
        for (var i = 0; i < weights.Length; i++) weights[i] = unchecked((sbyte)bytes[HeaderLength + i]);
        return new LinearModel(kinds, bits, (int)chunk, (int)window, (int)small, (int)floor, scale, bias, threshold, weights);
    }

    // SHA-256 of everything but the digest field itself.
    private static byte[] Digest(ReadOnlySpan<byte> bytes)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(bytes[..DigestOffset]);
        sha.AppendData(bytes[HeaderLength..]);
        return sha.GetHashAndReset();
    }

    private static InvalidDataException Bad(string source, string problem) => new($"{source}: {problem}");
}
