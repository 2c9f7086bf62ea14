using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Digest.Functions.Invocation;

/// <summary>Runs one non-HTTP function: returns the log lines for the host, or throws.</summary>
internal delegate Task<IReadOnlyList<string>> InvocationHandler(InvocationRequest request, IServiceProvider services, CancellationToken cancellationToken);

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
        try
        {
            var request = await InvocationRequest.ReadAsync(context.Request.Body, cancellationToken).ConfigureAwait(false);
            var logs = await handler(request, context.RequestServices, cancellationToken).ConfigureAwait(false);
            await WriteAsync(context, StatusCodes.Status200OK, logs).ConfigureAwait(false);
        }
        catch (InvocationPayloadException e)
        {
            HandlerLog.MalformedInvocation(logger, functionName, e.Message);
            await WriteAsync(context, StatusCodes.Status400BadRequest, [$"{functionName}: malformed invocation payload: {e.Message}"]).ConfigureAwait(false);
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
            await WriteAsync(context, StatusCodes.Status500InternalServerError, [$"{functionName} failed: {e.GetType().Name}: {e.Message}"]).ConfigureAwait(false);
        }
    }

    private static async Task WriteAsync(HttpContext context, int statusCode, IReadOnlyList<string> logs)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "application/json; charset=utf-8";
        await JsonSerializer.SerializeAsync(context.Response.Body, InvocationResponse.WithLogs(logs), HandlerJsonContext.Default.InvocationResponse, context.RequestAborted).ConfigureAwait(false);
    }
}
