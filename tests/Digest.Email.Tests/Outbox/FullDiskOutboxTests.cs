using System.Diagnostics;
using Digest.Core.Delivery;
using Digest.Email.Outbox;
using Digest.Testing;
using Microsoft.Extensions.Options;
using MimeKit;
using FakeTimeProvider = Microsoft.Extensions.Time.Testing.FakeTimeProvider;

namespace Digest.Email.Tests.Outbox;

/// <summary>
/// The outbox on a full disk: a 16 KiB tmpfs mounted for the test (needs root on Linux; skipped with that reason
/// otherwise). An .eml in the outbox is always whole, and a message that could not be written is never accepted.
/// </summary>
public sealed class FullDiskOutboxTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public FullDiskOutboxTests()
    {
        if (TmpfsFactAttribute.CanMount)
        {
            Tmpfs.Mount(_dir.Path);
        }
    }

    public void Dispose()
    {
        if (TmpfsFactAttribute.CanMount)
        {
            Tmpfs.Unmount(_dir.Path);
        }

        _dir.Dispose();
    }

    private static EmailBatch Batch(string email) => new(
        "digest-2025-09-02",
        "batch-00001",
        new EmailContent("digest@example.com", "Daily Digest", "Daily news", "<p>" + new string('x', 3000) + "</p><a href=\"-unsubscribe_url-\">Unsubscribe</a>", "Unsubscribe: -unsubscribe_url-", ["digest"]),
        [new EmailRecipient(email, null, SubscriberKey.For(email), new Dictionary<string, string> { [EmailTags.UnsubscribeUrl] = "https://x.example/u" }, new Dictionary<string, string>())]);

    [TmpfsFact]
    public async Task SendAsync_DiskFills_TheFailedWriteThrowsAndOnlyWholeFilesAreInTheOutbox()
    {
        var sender = new OutboxEmailSender(Options.Create(new OutboxOptions { Path = _dir.Path }), new FakeTimeProvider(new DateTimeOffset(2025, 9, 2, 6, 0, 0, TimeSpan.Zero)));
        var accepted = new List<string>();
        IOException? full = null;
        for (var i = 0; i < 50 && full is null; i++)
        {
            try
            {
                var outcome = Assert.Single(await sender.SendAsync(Batch($"r{i}@example.com")));
                Assert.True(outcome.Accepted);
                accepted.Add(outcome.SubscriberKey);
            }
            catch (IOException e)
            {
                full = e;
            }
        }

        Assert.NotNull(full); // the disk filled before 50 messages
        Assert.NotEmpty(accepted);
        var files = Directory.GetFiles(_dir.Path);
        Assert.Equal(accepted.Count, files.Length); // no temporary or partial file left behind
        foreach (var file in files)
        {
            using var message = await MimeMessage.LoadAsync(file);
            Assert.Equal("Unsubscribe: https://x.example/u", message.TextBody!.TrimEnd()); // whole, to the last part
        }

        // Sending the failed recipient again (the queue's retry) fails again: it is not taken for an earlier success.
        await Assert.ThrowsAnyAsync<IOException>(() => sender.SendAsync(Batch($"r{accepted.Count}@example.com")));
    }

    private static class Tmpfs
    {
        public static void Mount(string path) => Run("mount", "-t", "tmpfs", "-o", "size=16k", "tmpfs", path);

        public static void Unmount(string path) => Run("umount", path);

        public static bool Run(params string[] command)
        {
            var start = new ProcessStartInfo(command[0]) { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var arg in command.Skip(1))
            {
                start.ArgumentList.Add(arg);
            }

            try
            {
                using var process = Process.Start(start)!;
                process.WaitForExit(10_000);
                return process.ExitCode == 0;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                return false;
            }
        }
    }

    /// <summary>Runs only where a tmpfs can be mounted (root on Linux); otherwise skipped, saying so.</summary>
    private sealed class TmpfsFactAttribute : FactAttribute
    {
        private static readonly Lazy<bool> Mountable = new(() =>
        {
            if (!OperatingSystem.IsLinux())
            {
                return false;
            }

            var probe = Directory.CreateTempSubdirectory("digest-tmpfs-probe").FullName;
            try
            {
                return Tmpfs.Run("mount", "-t", "tmpfs", "-o", "size=16k", "tmpfs", probe) && Tmpfs.Run("umount", probe);
            }
            finally
            {
                Directory.Delete(probe);
            }
        });

        public TmpfsFactAttribute()
        {
            if (!CanMount)
            {
                Skip = "Needs to mount a 16 KiB tmpfs to fill a disk (root on Linux): `mount -t tmpfs` is not possible here.";
            }
        }

        public static bool CanMount => Mountable.Value;
    }
}
