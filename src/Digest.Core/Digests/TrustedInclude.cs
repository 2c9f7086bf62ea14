using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Digest.Core.Digests;

/// <summary>
/// <c>include</c> for the HTML template: Scriban's include, whose result (a partial rendered by the same escaping
/// context, so already safe) is marked <see cref="TrustedHtml"/> instead of being encoded a second time.
/// </summary>
internal sealed class TrustedInclude(IScriptCustomFunction include) : IScriptCustomFunction
{
    public int RequiredParameterCount => include.RequiredParameterCount;

    public int ParameterCount => include.ParameterCount;

    public ScriptVarParamKind VarParamKind => include.VarParamKind;

    public Type ReturnType => typeof(TrustedHtml);

    public ScriptParameterInfo GetParameterInfo(int index) => include.GetParameterInfo(index);

    public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        Trust(include.Invoke(context, callerContext, arguments, blockStatement));

    public async ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        Trust(await include.InvokeAsync(context, callerContext, arguments, blockStatement).ConfigureAwait(false));

    private static TrustedHtml? Trust(object? rendered) => rendered is null ? null : new TrustedHtml(rendered as string ?? rendered.ToString() ?? string.Empty);
}
