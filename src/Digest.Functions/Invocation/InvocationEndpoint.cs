using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Digest.Functions.Invocation;

/// <summary>Runs one non-HTTP function, reporting what it did to the log; throws on failure.</summary>
internal delegate Task InvocationHandler(InvocationRequest request, InvocationLog log, IServiceProvider services, CancellationToken cancellationToken);

/// <summary>
/// Maps <c>POST /{FunctionName}</c> and turns what the function did into the host's status code:
/// 200 when it handled the input (including inputs it rejected as data: those must not be retried),
/// 400 when the invocation payload itself is malformed, 500 for any other failure so the host retries
/// (and, for the queue trigger, moves the message to the poison queue after host.json's maxDequeueCount).
/// </summary>
internal static class InvocationEndpoint
{
    public static IEndpointConventionBuilder MapInvocation(this IEndpointRouteBuilder app, string functionName, InvocationHandler handler) =>
        app.MapPost("/" + functionName, context => InvokeAsync(context, functionName, handler));

    private static async Task InvokeAsync(HttpContext context, string functionName, InvocationHandler handler)
    {
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Digest.Functions." + functionName);
        var cancellationToken = context.RequestAborted;
        var log = new InvocationLog();
        try
        {
            var request = await InvocationRequest.ReadAsync(context.Request.Body, cancellationToken).ConfigureAwait(false);
            await handler(request, log, context.RequestServices, cancellationToken).ConfigureAwait(false);
            await WriteAsync(context, StatusCodes.Status200OK, log.Lines).ConfigureAwait(false);
        }
        catch (InvocationPayloadException e)
        {
            HandlerLog.MalformedInvocation(logger, functionName, e.Message);
            log.Add($"{functionName}: malformed invocation payload: {e.Message}");
            await WriteAsync(context, StatusCodes.Status400BadRequest, log.Lines).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The host gave up on this invocation (timeout or shutdown); nobody is listening for an answer.
            HandlerLog.Cancelled(logger, functionName);
        }
        catch (Exception e)
        {
            // Infrastructure failure (storage, email provider, configuration): fail the invocation so the host retries.
            HandlerLog.Failed(logger, e, functionName);
            log.Add($"{functionName} failed: {e.GetType().Name}: {e.Message}");
            await WriteAsync(context, StatusCodes.Status500InternalServerError, log.Lines).ConfigureAwait(false);
        }
    }

    private static async Task WriteAsync(HttpContext context, int statusCode, IReadOnlyList<string> logs)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "application/json; charset=utf-8";
        await JsonSerializer.SerializeAsync(context.Response.Body, InvocationResponse.WithLogs(logs), HandlerJsonContext.Default.InvocationResponse, context.RequestAborted).ConfigureAwait(false);
    }
}
