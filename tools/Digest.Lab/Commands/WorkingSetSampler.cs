using System.Diagnostics;

namespace Digest.Lab.Commands;

/// <summary>Samples the process working set every 10 ms until stopped; reports the highest value seen.</summary>
internal sealed class WorkingSetSampler : IDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task<long> sampling;

    public WorkingSetSampler() => sampling = Task.Run(SampleAsync);

    public async Task<long> StopAsync()
    {
        await stop.CancelAsync();
        return await sampling;
    }

    public void Dispose() => stop.Dispose();

    private async Task<long> SampleAsync()
    {
        using var process = Process.GetCurrentProcess();
        var peak = 0L;
        while (true)
        {
            process.Refresh();
            peak = Math.Max(peak, process.WorkingSet64);
            if (stop.IsCancellationRequested)
            {
                return peak;
            }

            try
            {
                await Task.Delay(10, stop.Token);
            }
            catch (OperationCanceledException)
            {
                // Take one last sample, then stop.
            }
        }
    }
}
