using Digest.Functions.Functions.BuildDigest;
using Digest.Functions.Functions.ParseArticle;
using Digest.Functions.Functions.SendDigest;
using Digest.Functions.Functions.Unsubscribe;
using Digest.Functions.Invocation;

namespace Digest.Functions;

/// <summary>
/// The handler's routes: one POST /{FunctionName} per non-HTTP function (named as its folder under Functions/ and in
/// the published app root), and the forwarded HTTP route of the Unsubscribe function.
/// </summary>
internal static class FunctionEndpoints
{
    /// <summary>Every function the handler serves, by the name the host invokes.</summary>
    public static IReadOnlyList<string> Names { get; } = [ParseArticleFunction.Name, BuildDigestFunction.Name, SendDigestFunction.Name, UnsubscribeFunction.Name];

    public static WebApplication MapDigestFunctions(this WebApplication app)
    {
        app.MapInvocation(ParseArticleFunction.Name, ParseArticleFunction.RunAsync);
        app.MapInvocation(BuildDigestFunction.Name, BuildDigestFunction.RunAsync);
        app.MapInvocation(SendDigestFunction.Name, SendDigestFunction.RunAsync);
        app.MapUnsubscribe();
        return app;
    }
}
