namespace Digest.Core.Stories.Text;

/// <summary>One word or number of English text.</summary>
/// <param name="Lower">The token in lower case (possessive 's removed, abbreviation dots removed).</param>
/// <param name="Capitalized">Starts with an upper-case letter in the text.</param>
/// <param name="IsNumber">Contains a digit.</param>
/// <param name="SentenceStart">First token of a sentence (capitalisation says little there).</param>
/// <param name="Joined">Follows the previous token with only spaces between (no punctuation): names run on.</param>
internal readonly record struct Token(string Lower, bool Capitalized, bool IsNumber, bool SentenceStart, bool Joined);
