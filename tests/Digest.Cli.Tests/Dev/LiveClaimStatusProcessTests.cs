using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Digest.Core.Delivery;
using Digest.Core.Storage;
using Digest.Testing;

namespace Digest.Cli.Tests.Dev;

/// <summary>
/// Issue 19, item 8, on real processes: while a `digest dev` process is alive in the middle of a provider call, a
/// separate `digest status` process says the recipient is being sent now and does not reconcile (exit 1); once that
/// process is SIGKILLed and its claim lease has run out, `digest status` lists the recipient as in doubt, with its
/// subscriber key and the command that resends it, and the day reconciles. The SMTP server is a tiny one of the
/// test's own that takes the message data and never answers it, so the send stays mid-call as long as the test needs.
/// </summary>
public sealed class LiveClaimStatusProcessTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly OwnAzurite _azurite = new();

    public void Dispose()
    {
        _azurite.Dispose();
        _dir.Dispose();
    }

    private static DateOnly Today => new Core.DigestOptions().DayOf(TimeProvider.System.GetUtcNow());

    [AzuriteFact]
    public async Task StatusSaysBeingSentWhileTheSenderLives_AndInDoubtOnlyAfterItDied()
    {
        var store = await _azurite.StartStoreAsync();
        var email = "live-claim-" + Guid.NewGuid().ToString("N")[..8] + "@example.com";
        await new SubscriberDirectory(store).PutAsync(new Subscriber(email, null, SubscriberStatus.Active, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, []));
        await store.PutAsync(Containers.Articles, "a00000.txt", BinaryData.FromString(GeneratedArticles.Text(0)), new BlobWriteOptions { ContentType = "text/plain" });

        using var smtp = new StallingSmtpServer();
        var env = new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = _azurite.ConnectionString,
            ["Email__Provider"] = "Smtp",
            ["Email__Smtp__Host"] = "127.0.0.1",
            ["Email__Smtp__Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Email__Smtp__Timeout"] = "00:02:00",
            ["Digest__UnsubscribeSigningKey"] = new string('s', 40),
            ["Digest__PostalAddress"] = "1 Harbour Road, Port Town",
            ["Digest__SendClaimLease"] = "00:00:12",
        };
        var day = Containers.Day(Today);

        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var claimedBy = System.Diagnostics.Stopwatch.StartNew();
        using var dev = CliProcess.Start(_dir.Path, env, output.Enqueue, "dev", "--now", "--once");
        try
        {
            // The sender is inside the provider call once the server holds the message data.
            using (var wait = new CancellationTokenSource(TimeSpan.FromSeconds(90)))
            {
                await smtp.DataReceived.WaitAsync(wait.Token);
            }

            claimedBy.Restart(); // the claim was written before the call began: its lease ends at most 12 s from here

            Assert.False(dev.HasExited, string.Join('\n', output));

            // Inside the lease, status from another process says "being sent now" and does not reconcile.
            var (liveCode, liveText) = await CliProcess.RunAsync(_dir.Path, env, "status", "--day", day);
            Assert.True(liveCode == 1, liveText);
            Assert.Contains("being sent right now", liveText, StringComparison.Ordinal);
            Assert.DoesNotContain("Reconciles", liveText, StringComparison.Ordinal);
            var (_, liveJson) = await CliProcess.RunAsync(_dir.Path, env, "status", "--day", day, "--json");
            var liveEmails = JsonSerializer.Deserialize<JsonElement>(liveJson).GetProperty("emails");
            Assert.Equal(1, liveEmails.GetProperty("sending").GetInt32());
            Assert.Equal(0, liveEmails.GetProperty("inDoubt").GetInt32());
        }
        finally
        {
            dev.Kill(entireProcessTree: true); // SIGKILL mid-call
            await dev.WaitForExitAsync();
        }

        var rest = TimeSpan.FromSeconds(13) - claimedBy.Elapsed; // the claim lease runs out
        if (rest > TimeSpan.Zero)
        {
            await Task.Delay(rest);
        }

        var (deadCode, deadText) = await CliProcess.RunAsync(_dir.Path, env, "status", "--day", day);
        Assert.True(deadCode == 0, deadText);
        Assert.Contains("1 in doubt", deadText, StringComparison.Ordinal);
        Assert.Contains("subscriber " + SubscriberKey.For(email), deadText, StringComparison.Ordinal);
        Assert.Contains("--retry-in-doubt", deadText, StringComparison.Ordinal);
        Assert.DoesNotContain("being sent right now", deadText, StringComparison.Ordinal);
    }

    /// <summary>An SMTP server on loopback that accepts one message's envelope and data and never answers the data.</summary>
    private sealed class StallingSmtpServer : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new();
        private readonly TaskCompletionSource _data = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly List<TcpClient> _clients = [];

        public StallingSmtpServer()
        {
            _listener.Start();
            _ = AcceptAsync();
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public Task DataReceived => _data.Task;

        private async Task AcceptAsync()
        {
            try
            {
                while (!_stop.IsCancellationRequested)
                {
                    var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                    lock (_clients)
                    {
                        _clients.Add(client);
                    }

                    _ = ServeAsync(client);
                }
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
            }
        }

        private async Task ServeAsync(TcpClient client)
        {
            try
            {
                var stream = client.GetStream();
                using var reader = new StreamReader(stream, Encoding.ASCII);
                await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
                await writer.WriteLineAsync("220 stall.test ESMTP");
                var inData = false;
                while (await reader.ReadLineAsync(_stop.Token) is { } line)
                {
                    if (inData)
                    {
                        if (line == ".")
                        {
                            _data.TrySetResult(); // and no answer: the client waits inside its call
                        }

                        continue;
                    }

                    var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                    switch (verb)
                    {
                        case "EHLO":
                            await writer.WriteLineAsync("250-stall.test");
                            await writer.WriteLineAsync("250 8BITMIME");
                            break;
                        case "HELO":
                        case "MAIL":
                        case "RCPT":
                        case "RSET":
                        case "NOOP":
                            await writer.WriteLineAsync("250 OK");
                            break;
                        case "DATA":
                            inData = true;
                            await writer.WriteLineAsync("354 go ahead");
                            break;
                        case "QUIT":
                            await writer.WriteLineAsync("221 bye");
                            return;
                        default:
                            await writer.WriteLineAsync("502 not here");
                            break;
                    }
                }
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or SocketException)
            {
            }
        }

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
            lock (_clients)
            {
                foreach (var client in _clients)
                {
                    client.Dispose();
                }
            }

            _stop.Dispose();
        }
    }
}
