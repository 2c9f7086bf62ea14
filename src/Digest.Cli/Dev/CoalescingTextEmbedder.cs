using System.Threading.Channels;
using Digest.Core.Stories.Embeddings;

namespace Digest.Cli.Dev;

/// <summary>
/// Lets concurrently parsed articles share model calls: each parse asks for one vector, and the requests that arrive
/// while a model call runs are embedded together in the next one (no timer, so a lone request waits for nothing).
/// The model runs one call at a time anyway, so a call over many texts is cheaper than as many calls over one.
/// </summary>
internal sealed class CoalescingTextEmbedder : ITextEmbedder, IAsyncDisposable
{
    /// <summary>At most this many texts go into one model call (the model batches them again by its own batch size).</summary>
    internal const int MaxTexts = 64;

    private readonly ITextEmbedder _inner;
    private readonly Channel<Request> _requests = Channel.CreateUnbounded<Request>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;

    public CoalescingTextEmbedder(ITextEmbedder inner)
    {
        _inner = inner;
        _loop = Task.Run(RunAsync);
    }

    public string Model => _inner.Model;

    public int Dimensions => _inner.Dimensions;

    public async Task<IReadOnlyList<float[]>> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        if (texts.Count == 0) return [];
        var request = new Request(texts, new TaskCompletionSource<IReadOnlyList<float[]>>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_requests.Writer.TryWrite(request)) throw new ObjectDisposedException(nameof(CoalescingTextEmbedder));
        return await request.Result.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        _requests.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }

    private async Task RunAsync()
    {
        var batch = new List<Request>();
        while (await _requests.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            var count = 0;
            while (count < MaxTexts && _requests.Reader.TryRead(out var request))
            {
                batch.Add(request);
                count += request.Texts.Count;
            }

            try
            {
                var vectors = await _inner.EmbedAsync(batch.SelectMany(r => r.Texts).ToList()).ConfigureAwait(false);
                var offset = 0;
                foreach (var request in batch)
                {
                    request.Result.TrySetResult(vectors.Skip(offset).Take(request.Texts.Count).ToList());
                    offset += request.Texts.Count;
                }
            }
            catch (Exception e)
            {
                foreach (var request in batch) request.Result.TrySetException(e);
            }
        }
    }

    private sealed record Request(IReadOnlyList<string> Texts, TaskCompletionSource<IReadOnlyList<float[]>> Result);
}
