using System.Globalization;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Digest.Core.Digests;

/// <summary>
/// One template set parsed once, with every parse error reported up front (file, line, column), and rendered in a
/// fresh, locked-down context per call: strict variables and members (a typo is an error, not an empty string),
/// loop, recursion and output limits (override templates are editor input), no evaluation of strings as templates
/// (article text is data, never code), and in HTML every expression encoded (<see cref="HtmlTemplateContext"/>).
/// </summary>
internal sealed class CompiledTemplates
{
    private const int LoopLimit = 100_000;
    private const int RecursiveLimit = 64;
    private const int OutputLimit = 8 * 1024 * 1024;

    private readonly DigestTemplates _templates;
    private readonly Dictionary<string, Template> _parsed;

    private CompiledTemplates(DigestTemplates templates, Dictionary<string, Template> parsed)
    {
        _templates = templates;
        _parsed = parsed;
    }

    /// <summary>Parses every file; throws <see cref="InvalidOperationException"/> listing each error with its position.</summary>
    public static CompiledTemplates Compile(DigestTemplates templates)
    {
        var parsed = new Dictionary<string, Template>(StringComparer.Ordinal);
        var errors = new List<string>();
        foreach (var (name, source) in templates.Files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            var template = Template.Parse(source, name);
            errors.AddRange(template.Messages.Where(m => m.Type == ParserMessageType.Error).Select(m => Describe(templates, m.Span, m.Message)));
            parsed[name] = template;
        }

        return errors.Count == 0
            ? new CompiledTemplates(templates, parsed)
            : throw new DigestTemplateException("Digest template error: " + string.Join("; ", errors));
    }

    public string RenderHtml(DigestView view) => Render(DigestTemplates.HtmlName, HtmlContext(), "digest", view);

    public string RenderText(DigestView view) => Render(DigestTemplates.TextName, new TemplateContext(Builtins()), "digest", view);

    public string RenderArchive(ArchiveView view) => Render(DigestTemplates.ArchiveName, HtmlContext(), "archive", view);

    private static HtmlTemplateContext HtmlContext()
    {
        var builtins = Builtins();
        var include = builtins["include"] as IScriptCustomFunction ?? throw new InvalidOperationException("Scriban's include function is missing.");
        builtins.SetValue("include", new TrustedInclude(include), true);
        return new HtmlTemplateContext(builtins);
    }

    private string Render(string name, TemplateContext context, string global, object view)
    {
        context.StrictVariables = true;
        context.EnableRelaxedMemberAccess = false;
        context.EnableRelaxedTargetAccess = false;
        context.EnableRelaxedFunctionAccess = false;
        context.EnableRelaxedIndexerAccess = false;
        context.MemberRenamer = StandardMemberRenamer.Default;
        context.LoopLimit = LoopLimit;
        context.RecursiveLimit = RecursiveLimit;
        context.OutputLimit = OutputLimit;
        context.OnOutputLimit = ScriptLimitBehavior.Throw;
        context.OnStringLimit = ScriptLimitBehavior.Throw;
        context.NewLine = "\n";
        context.TemplateLoader = new DigestTemplateLoader(_templates);
        foreach (var (path, template) in _parsed)
        {
            context.CachedTemplates[path] = template;
        }

        context.PushCulture(CultureInfo.InvariantCulture);
        var globals = new ScriptObject();
        globals.SetValue(global, view, true);
        context.PushGlobal(globals);
        try
        {
            return _parsed[name].Render(context);
        }
        catch (ScriptRuntimeException ex)
        {
            throw new DigestTemplateException("Digest template error: " + Describe(_templates, ex.Span, ex.OriginalMessage), ex);
        }
    }

    /// <summary>The default built-ins without the functions that evaluate a string as code or include lists of files.</summary>
    private static ScriptObject Builtins()
    {
        var builtins = TemplateContext.GetDefaultBuiltinObject();
        var objects = new ScriptObject();
        (builtins["object"] as ScriptObject ?? throw new InvalidOperationException("Scriban's object functions are missing.")).CopyTo(objects);
        objects.Remove("eval");
        objects.Remove("eval_template");
        builtins.SetValue("object", objects, true);
        builtins.Remove("include_join");
        return builtins;
    }

    /// <summary>"partials/story.sbn-html(3,12) [override from the templates container]: message" (1-based line, column).</summary>
    private static string Describe(DigestTemplates templates, SourceSpan span, string message)
    {
        var file = string.IsNullOrEmpty(span.FileName) ? "(unknown template)" : span.FileName;
        var origin = templates.Overridden.Contains(file) ? " [override from the templates container]" : string.Empty;
        return string.Create(CultureInfo.InvariantCulture, $"{file}({span.Start.Line + 1},{span.Start.Column + 1}){origin}: {message}");
    }
}
