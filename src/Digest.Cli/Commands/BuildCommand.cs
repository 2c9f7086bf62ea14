using System.CommandLine;
using Digest.Cli.Hosting;
using Digest.Core;
using Digest.Core.Digests;
using Digest.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Digest.Cli.Commands;

/// <summary>`digest build [--day D] [--rebuild]`: compose (or recompose, before anything was sent) a day's digest.</summary>
internal static class BuildCommand
{
    public static Command Create()
    {
        var day = new Option<string?>("--day") { Description = "Digest day, YYYY-MM-DD. Default: today in Digest__TimeZone" };
        var rebuild = new Option<bool>("--rebuild") { Description = "Compose the day again from its articles; refused once any email of the day was accepted" };
        var storage = CommonOptions.Storage();
        var store = CommonOptions.Store();
        var command = new Command("build", "Compose a day's digest from its parsed articles and enqueue its batches (as the daily timer does; `digest dev` or `digest send` delivers them).")
        {
            day, rebuild, storage, store,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (register, description) = StorageSelection.Choose(CliConfiguration.Build(), parse.GetValue(storage), parse.GetValue(store));
            var configuration = await LocalSigningKey.EnsureConfiguredAsync(CliConfiguration.Build(), register, cancellationToken);
            await using var services = CliServices.Build(configuration, TimeProvider.System, Path.GetFullPath("out/outbox"), register, parse.GetValue(CliApp.Verbose) ? LogLevel.Information : LogLevel.Warning);
            var digestDay = SendCommand.ParseDay(parse.GetValue(day)) ?? services.GetRequiredService<IOptions<DigestOptions>>().Value.DayOf(TimeProvider.System.GetUtcNow());
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(rebuild))
            {
                try
                {
                    var removed = await new DigestDayReset(services.GetRequiredService<IBlobStore>()).ResetAsync(digestDay, cancellationToken);
                    await output.WriteLineAsync($"Rebuilding {digestDay:yyyy-MM-dd}: removed {removed} composed files.");
                }
                catch (InvalidOperationException e)
                {
                    throw new CliException(e.Message, CliExit.Failure, e);
                }
            }

            var outcome = await services.GetRequiredService<BuildDigestJob>().RunAsync(digestDay, cancellationToken);
            await output.WriteLineAsync(
                $"{outcome.DigestId} on {description}: {(outcome.Created ? "composed" : "already composed (use --rebuild to compose it again)")}, {Counted.Of(outcome.Stories, "story", "stories")} from {Counted.Of(outcome.Articles, "article", "articles")}"
                + (outcome.SkippedEmpty ? "" : $" ({outcome.StoriesInFull} in full, {outcome.StoriesInBrief} in brief (one-liners))")
                + (outcome.StoriesOverCap > 0 ? $", {outcome.StoriesOverCap} over the cap (Digest__MaxStories) left out" : "")
                + (outcome.SkippedEmpty ? "; no stories: nothing will be sent" : $"; {Counted.Of(outcome.Batches, "batch", "batches")} enqueued for {Counted.Of(outcome.Recipients, "subscriber", "subscribers")}") + ".");
            if (description.StartsWith("file-system", StringComparison.Ordinal))
            {
                await output.WriteLineAsync("note: the file-system store has no lasting queue: run `digest send` to deliver.");
            }

            return CliExit.Success;
        });
        return command;
    }
}
