namespace Digest.Embeddings;

/// <summary>How the MiniLM embedder runs (section "Embeddings" of the configuration).</summary>
public sealed class MiniLmOptions
{
    /// <summary>Word pieces per text, [CLS] and [SEP] included (the model was trained on 128). Default 128.</summary>
    public int MaxTokens { get; set; } = 128;

    /// <summary>
    /// Texts per model run; texts are sorted by length first so a batch pads little. Default 16: on the 2-core
    /// machine, idle, 8 and 16 embed 43 and 41 articles/s against 38 for 32 and 64, with less memory (see
    /// src/Digest.Core/Stories/README.md, `digest-lab bench embed --batch N`).
    /// </summary>
    public int BatchSize { get; set; } = 16;

    /// <summary>
    /// ONNX Runtime intra-op threads. Default: the processor count (2 on the shared machine and on a Consumption
    /// plan instance); inter-op is 1 (the graph is a chain).
    /// </summary>
    public int Threads { get; set; } = Environment.ProcessorCount;
}
