namespace Digest.Core.Stories.Embeddings;

/// <summary>
/// Turns texts into sentence embeddings for the semantic view of story clustering. Core's own seam: the real model
/// (all-MiniLM-L6-v2 on ONNX Runtime) lives in Digest.Embeddings, tests use a fake, and without any registered
/// embedder clustering runs on its lexical views alone.
/// </summary>
public interface ITextEmbedder
{
    /// <summary>Name of the model, stored with each vector so vectors of different models are never compared.</summary>
    string Model { get; }

    /// <summary>Length of every vector.</summary>
    int Dimensions { get; }

    /// <summary>One L2-normalised vector per text, in order. Implementations are thread-safe and batch internally.</summary>
    Task<IReadOnlyList<float[]>> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default);
}
