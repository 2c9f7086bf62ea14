using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Digest.Cli.Hosting;
using Digest.Cli.Preview;
using Digest.Cli.Run;
using Digest.Core;
using Digest.Core.Digests;
using Digest.Core.Json;
using Digest.Core.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace Digest.Cli.Commands;

/// <summary>`digest preview`: screenshots of a digest (the day's from the store, or the seeds) in headless Chromium.</summary>
internal static class PreviewCommand
{
    /// <summary>The seeds' day, as in the golden files, so the seed screenshots do not change from one day to the next.</summary>
    internal static readonly DateOnly SeedDay = new(2025, 9, 2);

    public static Command Create()
    {
        var day = new Option<string?>("--day", "-d")
        {
            Description = "Digest day, YYYY-MM-DD, read from the store (digests/<day>/digest.json). Default: the seeds, composed afresh",
        };
        var output = new Option<string>("--out", "-o")
        {
            Description = "Folder for the eight PNG files: {email|web}-{375|600}-{light|dark}.png",
            DefaultValueFactory = _ => "out/preview",
        };
        var open = new Option<bool>("--open") { Description = "Open the 600 px light email screenshot with the desktop's viewer" };
        var storage = CommonOptions.Storage();
        var store = CommonOptions.Store();
        var command = new Command("preview", "Render a digest as email and web page and write screenshots at 375 and 600 px, light and dark, through headless Chromium (Debian's chromium).")
        {
            day, output, open, storage, store,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var configuration = CliConfiguration.Build();
            DigestDocument? digest;
            if (parse.GetValue(day) is { } text)
            {
                var parsed = SendCommand.ParseDay(text)!.Value;
                var blobs = StorageSelection.OpenStore(configuration, parse.GetValue(storage), parse.GetValue(store), out var description);
                (digest, _) = await blobs.ReadAsync(Containers.Digests, Containers.DigestJson(parsed), DigestJsonContext.Stored.DigestDocument, cancellationToken);
                if (digest is null)
                {
                    var hint = StorageSelection.RunStoreHint(parse.GetValue(storage), parse.GetValue(store));
                    throw new CliException($"no digest for {parsed:yyyy-MM-dd} in {description}; build it first (digest build, digest dev --now or digest run){(hint is null ? "" : "; " + hint[6..])}");
                }
            }
            else
            {
                digest = await SeedDigestAsync(configuration, cancellationToken);
            }

            var options = configuration.GetSection(DigestOptions.Section).Get<DigestOptions>() ?? new DigestOptions();
            var renderer = new DigestRenderer(Options.Create(options));
            var files = await PreviewScreenshots.WriteAsync(PreviewScreenshots.Documents(renderer, digest, options), parse.GetValue(output)!);
            foreach (var file in files)
            {
                Console.WriteLine(file);
            }

            if (parse.GetValue(open))
            {
                using var viewer = Process.Start(new ProcessStartInfo(OperatingSystem.IsMacOS() ? "open" : "xdg-open", files[1]) { UseShellExecute = false });
            }

            return 0;
        });
        return command;
    }

    /// <summary>The seeds through the whole pipeline on a throw-away file-system store.</summary>
    private static async Task<DigestDocument> SeedDigestAsync(IConfiguration configuration, CancellationToken cancellationToken)
    {
        var work = Directory.CreateTempSubdirectory("digest-preview-");
        try
        {
            var seeds = Directory.Exists("seeds/articles") ? "seeds/articles" : throw new DirectoryNotFoundException("seeds/articles not found: run preview from the repository root, or pass --day.");
            var report = await new LocalRun(configuration).ExecuteAsync(new RunRequest([seeds], null, work.FullName, null, SeedDay), null, cancellationToken);
            return JsonSerializer.Deserialize(await File.ReadAllBytesAsync(Path.Combine(report.OutputFolder, "digest.json"), cancellationToken), DigestJsonContext.Stored.DigestDocument)
                ?? throw new InvalidDataException("The seed run wrote an empty digest.json.");
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
