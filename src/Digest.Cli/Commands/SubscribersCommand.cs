using System.CommandLine;
using Digest.Core.Delivery;
using Digest.Core.Delivery.Subscribers;
using Digest.Core.Storage;

namespace Digest.Cli.Commands;

/// <summary>
/// `digest subscribers import FILE.csv|FILE.json | list | export FILE.csv | add EMAIL | remove EMAIL`, on the store under --store.
/// Addresses are shown masked (j***@example.com) unless `list --show-addresses` asks for them on stdout.
/// </summary>
internal static class SubscribersCommand
{
    private static readonly HashSet<string> NoteCodes = ["duplicate", "kept-inactive", "unknown-column"];

    public static Command Create()
    {
        var store = new Option<string>("--store") { Description = "File-system store folder, used when no Azure storage is configured.", DefaultValueFactory = _ => Hosting.StorageSelection.DefaultStoreFolder };
        var command = new Command("subscribers", "Import, list, export, add and remove subscribers (Azure Storage via --storage / AzureWebJobsStorage, else the file-system store).");
        command.Options.Add(StorageOption);
        command.Add(ImportCommand(store));
        command.Add(ListCommand(store));
        command.Add(ExportCommand(store));
        command.Add(AddCommand(store));
        command.Add(RemoveCommand(store));
        return command;
    }

    private static readonly Option<string?> StorageOption = CreateStorageOption();

    /// <summary>The one place this command opens its store: --storage, else AzureWebJobsStorage, else --store.</summary>
    internal static IBlobStore OpenStore(ParseResult parse, Option<string> store) =>
        Hosting.StorageSelection.OpenStore(Hosting.CliConfiguration.Build(), parse.GetValue(StorageOption), parse.GetValue(store));

    private static Option<string?> CreateStorageOption()
    {
        var option = CommonOptions.Storage();
        option.Recursive = true;
        return option;
    }

    private static Command ImportCommand(Option<string> store)
    {
        var file = new Argument<FileInfo>("file") { Description = "A .csv (email,name,status,topics) or .json ([{\"email\",\"name\"}]) file." };
        var resubscribe = new Option<bool>("--resubscribe") { Description = "Let rows marked active reactivate unsubscribed or bounced subscribers." };
        var command = new Command("import", "Import subscribers; never resubscribes anyone unless --resubscribe.") { file, store, resubscribe };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var path = parse.GetRequiredValue(file);
            if (!path.Exists)
            {
                await error.WriteLineAsync($"error: {path.FullName} does not exist; check the path");
                return 2;
            }

            var read = await SubscriberFile.ReadAsync(path.FullName, cancellationToken);
            var directory = new SubscriberDirectory(OpenStore(parse, store));
            var result = await new SubscriberImporter(directory, TimeProvider.System).ImportAsync(read.Rows, parse.GetValue(resubscribe), cancellationToken);
            var rejected = read.Diagnostics.Count(d => !NoteCodes.Contains(d.Code));
            foreach (var line in SubscriberFile.Shown(read.Diagnostics.Concat(result.Diagnostics).Select(d => $"{path.Name}, {d.Location}: {(NoteCodes.Contains(d.Code) ? "note" : "error")} [{d.Code}] {d.Message}").ToArray()))
            {
                await error.WriteLineAsync(line);
            }

            await output.WriteLineAsync(
                $"Imported {read.Rows.Count} rows: {result.Added} added, {result.Updated} updated, {result.Unchanged} unchanged, "
                + $"{result.Merged} merged duplicates, {result.KeptInactive} kept unsubscribed/bounced, {rejected} rejected.");
            return rejected == 0 ? 0 : 1;
        });
        return command;
    }

    private static Command ListCommand(Option<string> store)
    {
        var show = new Option<bool>("--show-addresses") { Description = "Print full addresses (stdout only; default masked)." };
        var command = new Command("list", "Count subscribers by status and list them with masked addresses.") { store, show };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var subscribers = await LoadAsync(OpenStore(parse, store), cancellationToken);
            var showAddresses = parse.GetValue(show);
            foreach (var s in subscribers)
            {
                var address = showAddresses ? s.Email : EmailMask.Mask(s.Email);
                await output.WriteLineAsync($"{address,-40} {Status(s.Status),-13} {s.Name}{(s.Topics.Count > 0 ? " [" + string.Join(", ", s.Topics) + "]" : "")}");
            }

            var counts = Enum.GetValues<SubscriberStatus>().Select(st => $"{Status(st)} {subscribers.Count(s => s.Status == st)}");
            await output.WriteLineAsync($"{subscribers.Count} subscribers: {string.Join(", ", counts)}");
            return 0;
        });
        return command;
    }

    private static Command ExportCommand(Option<string> store)
    {
        var file = new Argument<FileInfo>("file") { Description = "The .csv file to write (email,name,status,topics)." };
        var force = new Option<bool>("--force") { Description = "Overwrite the file if it exists." };
        var command = new Command("export", "Export every subscriber to CSV (RFC 4180).") { file, store, force };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetRequiredValue(file);
            if (path.Exists && !parse.GetValue(force))
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"error: {path.FullName} exists; use --force to overwrite it");
                return 2;
            }

            var subscribers = await LoadAsync(OpenStore(parse, store), cancellationToken);
            Directory.CreateDirectory(path.DirectoryName!);
            var temp = path.FullName + ".tmp";
            await using (var writer = new StreamWriter(temp, append: false, new System.Text.UTF8Encoding(false)))
            {
                await SubscriberCsv.WriteAsync(writer, subscribers, cancellationToken);
            }

            File.Move(temp, path.FullName, overwrite: true);
            await parse.InvocationConfiguration.Output.WriteLineAsync($"Exported {subscribers.Count} subscribers to {path.Name}.");
            return 0;
        });
        return command;
    }

    private static Command AddCommand(Option<string> store)
    {
        var email = new Argument<string>("EMAIL") { Description = "The address to subscribe." };
        var name = new Option<string?>("--name") { Description = "Display name." };
        var resubscribe = new Option<bool>("--resubscribe") { Description = "Reactivate the address if it unsubscribed or bounced (only when they asked)." };
        var command = new Command("add", "Subscribe one address (active at once; it gets today's digest with `digest send`).") { email, name, store, resubscribe };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var text = parse.GetRequiredValue(email);
            if (Core.Delivery.Subscribers.EmailAddressRules.Validate(text, out var address) is { } problem)
            {
                throw new Hosting.CliException($"'{text}' is not a valid email address ({problem.TrimEnd('.')}); give one like ann@example.com", Hosting.CliExit.Usage);
            }

            var directory = new SubscriberDirectory(OpenStore(parse, store));
            var now = TimeProvider.System.GetUtcNow();
            var existing = await directory.GetAsync(SubscriberKey.For(address), cancellationToken);
            if (existing is { Status: not SubscriberStatus.Active } && !parse.GetValue(resubscribe))
            {
                throw new Hosting.CliException($"{EmailMask.Mask(address)} is {Status(existing.Status)}; add --resubscribe only if they asked to subscribe again");
            }

            var subscriber = existing is null
                ? new Subscriber(address, parse.GetValue(name), SubscriberStatus.Active, now, now, [])
                : existing with { Name = parse.GetValue(name) ?? existing.Name, Status = SubscriberStatus.Active, UpdatedAt = existing.Status == SubscriberStatus.Active ? existing.UpdatedAt : now };
            await directory.PutAsync(subscriber, cancellationToken);
            await parse.InvocationConfiguration.Output.WriteLineAsync($"{EmailMask.Mask(address)}: {(existing is null ? "added" : existing.Status == SubscriberStatus.Active ? "already active, updated" : "resubscribed")}.");
            return 0;
        });
        return command;
    }

    private static Command RemoveCommand(Option<string> store)
    {
        var email = new Argument<string>("EMAIL") { Description = "The address to unsubscribe." };
        var command = new Command("remove", "Unsubscribe one address (the record stays, marked unsubscribed, so an import never re-adds it).") { email, store };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var text = parse.GetRequiredValue(email);
            var directory = new SubscriberDirectory(OpenStore(parse, store));
            var existing = await directory.GetAsync(SubscriberKey.For(text.Trim()), cancellationToken)
                ?? throw new Hosting.CliException($"no subscriber {EmailMask.Mask(text)}; check the address with `digest subscribers list --show-addresses`");
            if (existing.Status != SubscriberStatus.Unsubscribed)
            {
                await directory.PutAsync(existing with { Status = SubscriberStatus.Unsubscribed, UpdatedAt = TimeProvider.System.GetUtcNow() }, cancellationToken);
            }

            await parse.InvocationConfiguration.Output.WriteLineAsync($"{EmailMask.Mask(existing.Email)}: unsubscribed.");
            return 0;
        });
        return command;
    }

    private static async Task<List<Subscriber>> LoadAsync(IBlobStore blobStore, CancellationToken cancellationToken)
    {
        var list = new List<Subscriber>();
        await foreach (var s in new SubscriberDirectory(blobStore).ListAsync(cancellationToken))
        {
            list.Add(s);
        }

        list.Sort((a, b) => StringComparer.OrdinalIgnoreCase.Compare(a.Email, b.Email));
        return list;
    }

    private static string Status(SubscriberStatus status) => status.ToString().ToLowerInvariant();
}
