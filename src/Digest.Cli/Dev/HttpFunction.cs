using System.Reflection;
using Digest.Functions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Cli.Dev;

/// <summary>
/// One HTTP function of the Functions app, read from its own attributes (<c>[Function]</c> and <c>[HttpTrigger]</c>,
/// what Worker.Sdk writes into functions.metadata), so the local site serves exactly the app's routes and handlers and
/// keeps no table of its own: a new HTTP function in the app is served by `digest dev` too.
/// </summary>
/// <param name="Route">The route as ASP.NET Core routing reads it (the Functions "{*rest}" catch-all as "{**rest}").</param>
/// <param name="Methods">HTTP methods, upper case.</param>
/// <param name="Method">The function method: (HttpRequest, CancellationToken) to Task&lt;IActionResult&gt;.</param>
internal sealed record HttpFunction(string Route, IReadOnlyList<string> Methods, MethodInfo Method)
{
    public static IReadOnlyList<HttpFunction> All { get; } =
    [
        .. from type in typeof(FunctionsServices).Assembly.GetExportedTypes()
           from method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance)
           where method.GetCustomAttribute<FunctionAttribute>() is not null
           let trigger = method.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).FirstOrDefault(a => a is not null)
           where trigger is not null
           orderby trigger.Route, method.Name
           select new HttpFunction(
               trigger.Route!.Replace("{*", "{**", StringComparison.Ordinal),
               trigger.Methods!.Select(m => m.ToUpperInvariant()).ToArray(),
               method),
    ];

    /// <summary>
    /// The handler: each request gets a function instance created from <paramref name="services"/>, as the worker
    /// creates one per invocation. One is created now, so a missing service fails at start, not on the first click.
    /// </summary>
    public Func<HttpRequest, CancellationToken, Task<IActionResult>> Bind(IServiceProvider services)
    {
        var type = Method.DeclaringType!;
        var create = ActivatorUtilities.CreateFactory(type, Type.EmptyTypes);
        _ = Handler(create(services, null));
        return (request, cancellationToken) => Handler(create(services, null))(request, cancellationToken);
    }

    private Func<HttpRequest, CancellationToken, Task<IActionResult>> Handler(object instance) =>
        Method.CreateDelegate<Func<HttpRequest, CancellationToken, Task<IActionResult>>>(instance);
}
