using System.Collections.Concurrent;
using Digest.Cli.Dev;
using Digest.Core.Stories.Embeddings;

namespace Digest.Cli.Tests.Dev;

public sealed class CoalescingTextEmbedderTests
{
    /// <summary>Vector = [length of the text, its first character]; the first call waits for <see cref="Release"/>.</summary>
    internal sealed class GatedEmbedder : ITextEmbedder
    {
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _running;

        public ConcurrentQueue<int> CallSizes { get; } = new();

        public int MaxConcurrentCalls { get; private set; }

        public Exception? Failure { get; set; }

        /// <summary>How long each model call takes after the release.</summary>
        public TimeSpan Duration { get; set; }

        public string Model => "fake";

        public int Dimensions => 2;

        public void Release() => _release.TrySetResult();

        public async Task<IReadOnlyList<float[]>> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
        {
            MaxConcurrentCalls = Math.Max(MaxConcurrentCalls, Interlocked.Increment(ref _running));
            try
            {
                CallSizes.Enqueue(texts.Count);
                await _release.Task;
                await Task.Delay(Duration, cancellationToken);
                if (Failure is { } failure) throw failure;
                return texts.Select(t => new float[] { t.Length, t[0] }).ToList();
            }
            finally
            {
                Interlocked.Decrement(ref _running);
            }
        }
    }

    [Fact]
    public async Task EmbedAsync_RequestsDuringAModelCall_ShareTheNextCallAndGetTheirOwnVectors()
    {
        var inner = new GatedEmbedder();
        await using var embedder = new CoalescingTextEmbedder(inner);
        var first = embedder.EmbedAsync(["a"]);
        while (inner.CallSizes.IsEmpty) await Task.Delay(10);

        var waiting = Enumerable.Range(1, 5).Select(i => embedder.EmbedAsync([new string((char)('a' + i), i + 1)])).ToList();
        await Task.Delay(100);
        inner.Release();
        var results = await Task.WhenAll(waiting);

        var firstVector = (await first)[0];
        Assert.Equal(new float[] { 1, 'a' }, firstVector);
        Assert.Equal(new[] { 1, 5 }, inner.CallSizes.ToArray());
        for (var i = 1; i <= 5; i++)
        {
            Assert.Equal(new float[] { i + 1, 'a' + i }, results[i - 1][0]);
        }

        Assert.Equal(1, inner.MaxConcurrentCalls);
    }

    [Fact]
    public async Task EmbedAsync_ModelFails_EveryRequestOfThatCallSeesTheError()
    {
        var inner = new GatedEmbedder { Failure = new InvalidOperationException("model broke") };
        await using var embedder = new CoalescingTextEmbedder(inner);
        var first = embedder.EmbedAsync(["a"]);
        while (inner.CallSizes.IsEmpty) await Task.Delay(10);
        var second = embedder.EmbedAsync(["b", "c"]);
        await Task.Delay(100);

        inner.Release();

        Assert.Equal("model broke", (await Assert.ThrowsAsync<InvalidOperationException>(() => first)).Message);
        Assert.Equal("model broke", (await Assert.ThrowsAsync<InvalidOperationException>(() => second)).Message);
    }

    [Fact]
    public async Task EmbedAsync_ManyAtOnce_NoCallExceedsTheLimit()
    {
        var inner = new GatedEmbedder();
        inner.Release();
        await using var embedder = new CoalescingTextEmbedder(inner);

        var results = await Task.WhenAll(Enumerable.Range(0, 300).Select(i => embedder.EmbedAsync(["x" + i])));

        Assert.Equal(300, inner.CallSizes.Sum());
        Assert.All(inner.CallSizes, size => Assert.InRange(size, 1, CoalescingTextEmbedder.MaxTexts));
        Assert.Equal(Enumerable.Range(0, 300).Select(i => ("x" + i).Length), results.Select(r => (int)r[0][0]));
    }
}
