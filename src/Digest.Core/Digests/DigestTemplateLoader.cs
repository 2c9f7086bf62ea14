using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Digest.Core.Digests;

/// <summary>
/// Resolves <c>{{ include 'story.sbn-html' }}</c> to <c>partials/story.sbn-html</c> of one template set (the embedded
/// defaults plus overrides). Nothing outside that set can be included: no file system, no other container.
/// </summary>
internal sealed class DigestTemplateLoader(DigestTemplates templates) : ITemplateLoader
{
    public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName)
    {
        var path = templateName.StartsWith(DigestTemplates.PartialsFolder, StringComparison.Ordinal)
            ? templateName
            : DigestTemplates.PartialsFolder + templateName;
        return templates.Files.ContainsKey(path) && path is not DigestTemplates.HtmlName and not DigestTemplates.TextName
            ? path
            : throw new ScriptRuntimeException(callerSpan, $"No template '{templateName}' to include: includes come from {DigestTemplates.PartialsFolder} ({string.Join(", ", templates.Files.Keys.Where(k => k.StartsWith(DigestTemplates.PartialsFolder, StringComparison.Ordinal)).Order(StringComparer.Ordinal))}).");
    }

    public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath) => templates.Files[templatePath];

    public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) => ValueTask.FromResult<string?>(Load(context, callerSpan, templatePath));
}
