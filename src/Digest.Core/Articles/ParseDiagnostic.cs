namespace Digest.Core.Articles;

/// <summary>Something the parser noticed. Errors mean no article could be produced.</summary>
/// <param name="Severity">Info, warning or error.</param>
/// <param name="Code">Stable machine-readable code, e.g. "empty-input", "invalid-utf8".</param>
/// <param name="Message">Human-readable explanation.</param>
public sealed record ParseDiagnostic(DiagnosticSeverity Severity, string Code, string Message);

public enum DiagnosticSeverity
{
    Info,
    Warning,
    Error,
}
