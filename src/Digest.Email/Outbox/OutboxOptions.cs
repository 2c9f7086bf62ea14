namespace Digest.Email.Outbox;

/// <summary>The file outbox: one .eml per message (the embedded default provider). Section "Email:Outbox".</summary>
public sealed class OutboxOptions
{
    public const string Section = "Email:Outbox";

    /// <summary>Folder the .eml files are written to. Default "outbox" (relative to the working directory).</summary>
    public string Path { get; set; } = "outbox";
}
