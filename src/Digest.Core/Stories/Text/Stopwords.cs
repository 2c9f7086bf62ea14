namespace Digest.Core.Stories.Text;

/// <summary>
/// Built-in English stopwords: function words plus words so common in news prose that they say nothing about which
/// event an article reports ("said", "people", weekdays, months). Written by hand from general English knowledge;
/// it is what keeps term weights sensible in a two-article batch, where document frequencies mean nothing.
/// </summary>
internal static class Stopwords
{
    private static readonly HashSet<string> Words = new(StringComparer.Ordinal)
    {
        "a", "about", "above", "across", "after", "afterwards", "again", "against", "ago", "all", "almost", "alone",
        "along", "already", "also", "although", "always", "am", "among", "amongst", "an", "and", "another", "any",
        "anyone", "anything", "anyway", "anywhere", "are", "around", "as", "at", "back", "be", "became", "because",
        "become", "becomes", "been", "before", "behind", "being", "below", "beside", "besides", "between", "beyond",
        "both", "but", "by", "can", "cannot", "could", "did", "do", "does", "doing", "done", "down", "during", "each",
        "either", "else", "elsewhere", "enough", "even", "ever", "every", "everyone", "everything", "everywhere",
        "except", "few", "for", "former", "formerly", "from", "further", "had", "has", "have", "having", "he", "hence",
        "her", "here", "hers", "herself", "him", "himself", "his", "how", "however", "i", "if", "in", "indeed", "into",
        "is", "it", "its", "itself", "just", "last", "later", "least", "less", "like", "many", "may", "me", "meanwhile",
        "might", "mine", "more", "moreover", "most", "mostly", "much", "must", "my", "myself", "neither", "never",
        "nevertheless", "next", "no", "nobody", "none", "nor", "not", "nothing", "now", "nowhere", "of", "off", "often",
        "on", "once", "one", "only", "onto", "or", "other", "others", "otherwise", "our", "ours", "ourselves", "out",
        "over", "own", "per", "perhaps", "rather", "really", "same", "several", "she", "should", "since", "so", "some",
        "somehow", "someone", "something", "sometimes", "somewhere", "still", "such", "than", "that", "the", "their",
        "theirs", "them", "themselves", "then", "there", "thereafter", "thereby", "therefore", "these", "they", "this",
        "those", "though", "through", "throughout", "thus", "to", "together", "too", "toward", "towards", "under",
        "until", "up", "upon", "us", "very", "via", "was", "we", "well", "were", "what", "whatever", "when", "whenever",
        "where", "whereas", "wherever", "whether", "which", "while", "who", "whoever", "whole", "whom", "whose", "why",
        "will", "with", "within", "without", "would", "yet", "you", "your", "yours", "yourself", "yourselves",
        "s", "t", "d", "ll", "m", "re", "ve", "don", "didn", "doesn", "isn", "wasn", "aren", "weren", "won", "wouldn",
        "couldn", "shouldn", "hasn", "haven", "hadn", "ain", "let", "lets", "get", "gets", "got", "go", "goes", "going",
        "went", "gone", "make", "makes", "made", "take", "takes", "took", "taken", "come", "comes", "came", "say",
        "says", "said", "saying", "tell", "told", "according", "added", "adds", "asked", "know", "known", "think",
        "see", "seen", "want", "wanted", "use", "used", "way", "ways", "thing", "things", "lot", "lots", "new", "news",
        "first", "second", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "time", "times",
        "year", "years", "day", "days", "week", "weeks", "month", "months", "today", "yesterday", "tomorrow", "tonight",
        "morning", "afternoon", "evening", "night", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
        "sunday", "january", "february", "march", "april", "june", "july", "august", "september", "october",
        "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "mr", "mrs", "ms", "dr", "people", "man", "woman", "men", "women", "part", "good", "great", "big", "little",
        "high", "long", "old", "right", "left", "end", "early", "late", "recent", "recently", "report", "reported",
        "reports", "reporter", "reporters", "story", "stories", "statement", "told", "including", "include", "includes",
        "percent", "number", "continue", "continued", "began", "begin", "says", "called", "call", "calls", "according",
        "told", "told", "yes", "ok", "oh", "also", "via", "inc", "co", "ltd", "am", "pm", "et", "al", "etc", "vs",
        "http", "https", "www", "com", "html", "image", "photo", "video", "getty", "images", "ap", "reuters",
        "read", "click", "share", "follow", "subscribe", "copyright", "advertisement",
    };

    /// <summary>True for a stopword; expects lower case.</summary>
    public static bool Contains(string lowerWord) => Words.Contains(lowerWord);
}
