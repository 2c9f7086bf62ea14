using System.Net.Sockets;
using Azure;
using Microsoft.Extensions.Options;

namespace Digest.Cli.Hosting;

/// <summary>
/// Turns an exception that reached the top of a command into the one line the operator sees
/// (<c>what went wrong; what to do</c>) and an exit code. The stack trace is only shown with --verbose.
/// </summary>
internal static class CliErrors
{
    public const string StartAzurite = "start Azurite (npm ci --prefix tools && tools/node_modules/.bin/azurite --location .azurite) or fix --storage / AzureWebJobsStorage";

    /// <summary>Where template overrides live, for the one-line template error.</summary>
    public const string TemplateHome = "overrides are read from the store's templates container: the templates blob container in Azure Storage, STORE/templates/ on the file system (.digest/store by default; `run` reads them from its --store DIR, as its default OUT/.store starts empty)";

    public static (string Message, int ExitCode) Describe(Exception exception, Uri? storageEndpoint)
    {
        switch (exception)
        {
            case CliException cli:
                return (cli.Message, cli.ExitCode);
            case Core.Digests.DigestTemplateException template:
                return ($"{OneLine(template.Message.Replace("Digest template error: ", "template error in ", StringComparison.Ordinal))}; fix the template ({TemplateHome}) and run again", CliExit.Failure);
            case OptionsValidationException options:
                return ($"invalid setting: {string.Join(" ", options.Failures)}; fix the setting (environment variable, '__' between sections) and run again", CliExit.Failure);
            case FileNotFoundException or DirectoryNotFoundException:
                return ($"{OneLine(exception.Message)}; check the path", CliExit.Failure);
            case UnauthorizedAccessException:
                return ($"{OneLine(exception.Message)}; check the file permissions", CliExit.Failure);
        }

        if (IsUnreachable(exception))
        {
            var where = storageEndpoint is null ? "the service" : $"Azure Storage at {storageEndpoint.GetLeftPart(UriPartial.Authority)}";
            var cause = Innermost(exception).Message;
            return storageEndpoint is null
                ? ($"cannot reach {where} ({OneLine(cause)}); check that it is running and reachable", CliExit.Failure)
                : ($"cannot reach {where} ({OneLine(cause)}); {StartAzurite}", CliExit.Failure);
        }

        if (Find<RequestFailedException>(exception) is { } failed)
        {
            var where = storageEndpoint is null ? "Azure Storage" : $"Azure Storage at {storageEndpoint.GetLeftPart(UriPartial.Authority)}";
            return ($"{where} refused the request ({failed.Status} {failed.ErrorCode}); check the account name and key in --storage / AzureWebJobsStorage", CliExit.Failure);
        }

        if (exception is IOException or InvalidDataException or System.Text.Json.JsonException)
        {
            return ($"{OneLine(exception.Message)}; fix the file and run again", CliExit.Failure);
        }

        return ($"unexpected {exception.GetType().Name}: {OneLine(exception.Message)}; run again with --verbose for the stack trace and report it", CliExit.Failure);
    }

    /// <summary>Nothing answered: refused, timed out, name not resolved (directly or after the SDK's retries).</summary>
    private static bool IsUnreachable(Exception exception) =>
        Find<SocketException>(exception) is not null
        || Find<HttpRequestException>(exception) is not null
        || Find<RequestFailedException>(exception) is { Status: 0 };

    private static T? Find<T>(Exception exception)
        where T : Exception
    {
        var pending = new Stack<Exception>([exception]);
        while (pending.TryPop(out var e))
        {
            if (e is T match)
            {
                return match;
            }

            if (e is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions)
                {
                    pending.Push(inner);
                }
            }
            else if (e.InnerException is { } inner)
            {
                pending.Push(inner);
            }
        }

        return null;
    }

    private static Exception Innermost(Exception exception)
    {
        while (true)
        {
            var next = exception is AggregateException { InnerExceptions.Count: > 0 } a ? a.InnerExceptions[^1] : exception.InnerException;
            if (next is null)
            {
                return exception;
            }

            exception = next;
        }
    }

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).TrimEnd('.');
}
