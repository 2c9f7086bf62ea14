using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Digest.Core.Delivery;
using Digest.Core.Storage;
using Digest.Testing;

namespace Digest.Cli.Tests.Dev;

/// <summary>
/// Issue 12, acceptance 3: the email provider down for a while under a real `digest dev` process on the test run's
/// Azurite. SMTP: the port refuses connections until the test starts its own maildev there. SendGrid: the real
/// SendGrid client against a local HTTP server answering 500 to every request for a while, then 202. Either way the
/// day converges: every subscriber emailed exactly once (counted at the server), `digest status` reconciles.
/// </summary>
public sealed class ProviderOutageTests : IDisposable
{
    private const int Subscribers = 4;
    private readonly TempDirectory _dir = new();
    private readonly OwnAzurite _azurite = new();
    private readonly List<Process> _processes = [];

    public void Dispose()
    {
        foreach (var process in _processes.Where(p => !p.HasExited))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        _azurite.Dispose();
        _dir.Dispose();
    }

    [AzuriteFact]
    public async Task DevOnce_SmtpRefusingThenBack_EveryoneEmailedOnce()
    {
        var (smtp, web) = (LocalPorts.Free(), LocalPorts.Free());
        var env = await SeedAsync(new Dictionary<string, string>
        {
            ["Email__Provider"] = "Smtp",
            ["Email__Smtp__Host"] = "127.0.0.1",
            ["Email__Smtp__Port"] = smtp.ToString(CultureInfo.InvariantCulture),
            ["Email__Smtp__RetryBaseDelay"] = "00:00:00.200",
        });

        // The first delivery meets a closed port (the sender's own retries too); maildev comes up while the batch
        // waits out its visibility timeout, and the redelivery goes through.
        var dev = StartDev(env, out var output, out var failedOnce);
        await failedOnce.Task.WaitAsync(TimeSpan.FromSeconds(90));
        await StartMaildevAsync(smtp, web);
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90)))
        {
            await dev.WaitForExitAsync(timeout.Token);
        }

        var code = dev.ExitCode;
        string text;
        lock (output)
        {
            text = output.ToString();
        }

        Assert.True(code == 0, text);
        Assert.Contains("1 failed attempts", text);
        var received = await MaildevRecipientsAsync(web);
        Assert.Equal(Recipients.Order(), received.Order());
        await AssertReconcilesAsync(env);
    }

    [AzuriteFact]
    public async Task DevOnce_SendGridAllServerErrorsThenAccepting_EveryoneEmailedOnce()
    {
        using var sendGrid = new FlakySendGrid(failFirst: 5);
        var env = await SeedAsync(new Dictionary<string, string>
        {
            ["Email__Provider"] = "SendGrid",
            ["Email__SendGrid__ApiKey"] = "SG.fake-key-for-the-local-test-server",
            ["Email__SendGrid__BaseAddress"] = sendGrid.Address,
            ["Email__SendGrid__RetryBaseDelay"] = "00:00:00.200",
            ["Digest__Dev__VisibilityTimeout"] = "00:00:10",
        });

        // 5 x 500: every attempt of the first delivery fails (1 + 4 retries), the batch is redelivered after its
        // visibility timeout (10 s here instead of 30 s), and SendGrid then accepts it.
        var (code, output) = await CliProcess.RunAsync(_dir.Path, env, "dev", "--now", "--once");

        Assert.True(code == 0, output);
        Assert.Contains("1 failed attempts", output);
        Assert.Equal(6, sendGrid.Requests);
        Assert.Equal(Recipients.Order(), sendGrid.Accepted.Order());
        await AssertReconcilesAsync(env);
    }

    /// <summary>Starts `digest dev --now --once`; <paramref name="failedOnce"/> completes when its first batch delivery has failed.</summary>
    private Process StartDev(Dictionary<string, string> env, out System.Text.StringBuilder output, out TaskCompletionSource failedOnce)
    {
        var lines = output = new System.Text.StringBuilder();
        var failed = failedOnce = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = CliProcess.Start(_dir.Path, env, line =>
        {
            lock (lines)
            {
                lines.AppendLine(line);
            }

            if (line.Contains("failed on delivery 1 of", StringComparison.Ordinal)) failed.TrySetResult();
        }, "dev", "--now", "--once");
        _processes.Add(process);
        return process;
    }

    private static IEnumerable<string> Recipients => Enumerable.Range(0, Subscribers).Select(i => $"outage{i}@example.com");

    private async Task<Dictionary<string, string>> SeedAsync(Dictionary<string, string> email)
    {
        var store = await _azurite.StartStoreAsync();
        foreach (var seed in Directory.GetFiles(Repository.Seeds))
        {
            await store.PutAsync(Containers.Articles, Path.GetFileName(seed), BinaryData.FromBytes(await File.ReadAllBytesAsync(seed)));
        }

        var directory = new SubscriberDirectory(store);
        foreach (var address in Recipients)
        {
            await directory.PutAsync(new Subscriber(address, null, SubscriberStatus.Active, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, []));
        }

        return new Dictionary<string, string>(email)
        {
            ["AzureWebJobsStorage"] = _azurite.ConnectionString,
            ["Digest__UnsubscribeSigningKey"] = new string('s', 40),
            ["Digest__PostalAddress"] = "1 Harbour Road, Port Town",
        };
    }

    private async Task AssertReconcilesAsync(Dictionary<string, string> env)
    {
        var (code, output) = await CliProcess.RunAsync(_dir.Path, env, "status", "--json");
        Assert.True(code == 0, output);
        var emails = JsonSerializer.Deserialize<JsonElement>(output).GetProperty("emails");
        Assert.Equal(Subscribers, emails.GetProperty("planned").GetInt32());
        Assert.Equal(Subscribers, emails.GetProperty("accepted").GetInt32());
    }

    private async Task StartMaildevAsync(int smtp, int web)
    {
        var start = new ProcessStartInfo(Path.Combine(Repository.Root, "tools", "node_modules", ".bin", "maildev"));
        foreach (var arg in new[] { "--ip", "127.0.0.1", "--web-ip", "127.0.0.1", "--smtp", $"{smtp}", "--web", $"{web}", "--silent" })
        {
            start.ArgumentList.Add(arg);
        }

        _processes.Add(Process.Start(start)!);
        await LocalPorts.WaitForListenerAsync(smtp, "maildev");
    }

    private static async Task<IReadOnlyList<string>> MaildevRecipientsAsync(int web)
    {
        using var http = new HttpClient();
        var all = await http.GetFromJsonAsync<List<JsonElement>>($"http://127.0.0.1:{web}/email");
        return all!.Select(e => e.GetProperty("to")[0].GetProperty("address").GetString()!).ToArray();
    }

    /// <summary>POST /v3/mail/send: 500 to the first <c>failFirst</c> requests, then 202; records who was accepted.</summary>
    private sealed class FlakySendGrid : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly int _failFirst;
        private readonly Task _loop;
        private int _requests;

        public FlakySendGrid(int failFirst)
        {
            _failFirst = failFirst;
            var port = LocalPorts.Free();
            Address = $"http://127.0.0.1:{port}";
            _listener.Prefixes.Add(Address + "/");
            _listener.Start();
            _loop = Task.Run(LoopAsync);
        }

        public string Address { get; }

        public int Requests => Volatile.Read(ref _requests);

        public ConcurrentBag<string> Accepted { get; } = [];

        public void Dispose()
        {
            _listener.Stop();
            _listener.Close();
        }

        private async Task LoopAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }

                using var body = await JsonDocument.ParseAsync(context.Request.InputStream);
                if (Interlocked.Increment(ref _requests) <= _failFirst)
                {
                    context.Response.StatusCode = 500;
                }
                else
                {
                    foreach (var personalization in body.RootElement.GetProperty("personalizations").EnumerateArray())
                    {
                        foreach (var to in personalization.GetProperty("to").EnumerateArray())
                        {
                            Accepted.Add(to.GetProperty("email").GetString()!);
                        }
                    }

                    context.Response.StatusCode = 202;
                }

                context.Response.Close();
            }
        }
    }
}
