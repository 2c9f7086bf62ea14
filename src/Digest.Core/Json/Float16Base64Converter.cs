using System.Buffers.Binary;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Digest.Core.Json;

/// <summary>A float vector as base64 of little-endian IEEE 754 half-precision values (compact stored embeddings).</summary>
public sealed class Float16Base64Converter : JsonConverter<float[]>
{
    public override float[] Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String) throw new JsonException("A vector is a base64 string.");
        var bytes = reader.GetBytesFromBase64();
        if (bytes.Length % 2 != 0) throw new JsonException("A float16 vector has an even number of bytes.");
        var vector = new float[bytes.Length / 2];
        for (var i = 0; i < vector.Length; i++)
        {
            vector[i] = (float)BinaryPrimitives.ReadHalfLittleEndian(bytes.AsSpan(i * 2, 2));
        }

        return vector;
    }

    public override void Write(Utf8JsonWriter writer, float[] value, JsonSerializerOptions options)
    {
        var bytes = new byte[value.Length * 2];
        for (var i = 0; i < value.Length; i++)
        {
            BinaryPrimitives.WriteHalfLittleEndian(bytes.AsSpan(i * 2, 2), (Half)value[i]);
        }

        writer.WriteBase64StringValue(bytes);
    }
}
