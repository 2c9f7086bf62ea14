using Scriban;
using Scriban.Parsing;

namespace Digest.Core.Digests;

/// <summary>
/// The context the HTML template renders in. Scriban writes the value of every <c>{{ expression }}</c> through
/// <see cref="Write(SourceSpan, object)"/>, so encoding here makes escaping the default by construction: an override
/// template cannot forget it, and there is no raw-output syntax to misuse. Literal template text is not an expression
/// and is written as is. The one exception is <see cref="TrustedHtml"/>, which only Digest creates.
/// </summary>
internal sealed class HtmlTemplateContext(Scriban.Runtime.ScriptObject builtins) : TemplateContext(builtins)
{
    public override TemplateContext Write(SourceSpan span, object? textAsObject) => textAsObject switch
    {
        null => this,
        TrustedHtml trusted => Write(trusted.Value),
        _ => Write(HtmlEscaper.Encode(ObjectToString(textAsObject))),
    };

    public override ValueTask<TemplateContext> WriteAsync(SourceSpan span, object? textAsObject) => textAsObject switch
    {
        null => ValueTask.FromResult<TemplateContext>(this),
        TrustedHtml trusted => WriteAsync(trusted.Value),
        _ => WriteAsync(HtmlEscaper.Encode(ObjectToString(textAsObject))),
    };
}
