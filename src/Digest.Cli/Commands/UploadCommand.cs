using System.CommandLine;
using Digest.Cli.Hosting;
using Digest.Cli.Run;
using Digest.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Digest.Cli.Commands;

/// <summary>`digest upload FILE...`: what an editor does: put articles into the articles container.</summary>
internal static class UploadCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("FILE") { Description = "Article files, or folders (uploaded recursively, every file in them)", Arity = ArgumentArity.OneOrMore };
        var storage = CommonOptions.Storage();
        var store = CommonOptions.Store();
        var replace = new Option<bool>("--replace") { Description = "Upload as a new version of an existing blob of the same name (it replaces that article). Without it, an existing name is never overwritten" };
        var command = new Command("upload", "Upload article files to the articles container (Azure Storage or the file-system store), with their content type.")
        {
            files, storage, store, replace,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            {
                var configuration = CliConfiguration.Build();
                var (register, description) = StorageSelection.Choose(configuration, parse.GetValue(storage), parse.GetValue(store));
                var services = new ServiceCollection();
                services.AddSingleton(TimeProvider.System);
                register(services);
                await using var provider = services.BuildServiceProvider();
                var blobStore = provider.GetRequiredService<IBlobStore>();
                var existing = 0;
                var table = new Table().Border(TableBorder.Rounded).AddColumn("file").AddColumn("blob").AddColumn(new TableColumn("bytes").RightAligned()).AddColumn("content type");
                foreach (var (file, name) in InputFiles.Name(InputFiles.Expand(parse.GetValue(files)!)))
                {
                    var path = file.Path;
                    if (file.Refused is { } refused)
                    {
                        AnsiConsole.MarkupLine($"[yellow]skipped:[/] {Markup.Escape(path)}: {Markup.Escape(refused)}");
                        continue;
                    }

                    var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
                    var contentType = InputFiles.ContentTypeOf(name);
                    // Create-only unless --replace: two editors' report.html must not destroy each other's upload.
                    var written = await blobStore.PutAsync(Containers.Articles, name, BinaryData.FromBytes(bytes), new BlobWriteOptions { ContentType = contentType, IfNoneMatchAny = !parse.GetValue(replace) }, cancellationToken);
                    if (!written.Written && (await blobStore.GetAsync(Containers.Articles, name, cancellationToken))?.Content.ToMemory().Span.SequenceEqual(bytes) == true)
                    {
                        AnsiConsole.MarkupLine($"unchanged: {Markup.Escape(path)} (already uploaded as {Markup.Escape($"{Containers.Articles}/{name}")})");
                        continue;
                    }

                    if (!written.Written)
                    {
                        existing++;
                        AnsiConsole.MarkupLine($"[yellow]not uploaded:[/] {Markup.Escape(path)}: {Markup.Escape($"{Containers.Articles}/{name}")} already exists (an earlier upload with this file name); rename the file, or pass --replace to upload it as a new version of that article");
                        continue;
                    }

                    table.AddRow(Markup.Escape(Path.GetRelativePath(Environment.CurrentDirectory, path)), Markup.Escape($"{Containers.Articles}/{name}"), bytes.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), contentType);
                }

                AnsiConsole.Write(table);
                AnsiConsole.MarkupLine($"Uploaded to {Markup.Escape(description)}.");
                return existing == 0 ? 0 : CliExit.Failure;
            }
        });
        return command;
    }
}
