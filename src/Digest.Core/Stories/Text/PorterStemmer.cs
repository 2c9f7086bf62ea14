namespace Digest.Core.Stories.Text;

/// <summary>
/// The Porter (1980) suffix-stripping stemmer for English, steps 1a-5b as in the original paper
/// ("An algorithm for suffix stripping", M.F. Porter, Program 14(3)). Input: a lower-case word of ASCII letters;
/// anything else is returned unchanged. Pure and thread-safe.
/// </summary>
internal static class PorterStemmer
{
    public static string Stem(string word)
    {
        if (word.Length <= 2)
        {
            return word;
        }

        foreach (var c in word)
        {
            if (c is < 'a' or > 'z')
            {
                return word;
            }
        }

        var b = word.ToCharArray();
        var k = b.Length - 1;
        k = Step1ab(b, k);
        if (k > 0)
        {
            k = Step1c(b, k);
            k = Step2(b, k);
            k = Step3(b, k);
            k = Step4(b, k);
            k = Step5(b, k);
        }

        return new string(b, 0, k + 1);
    }

    // True when b[i] is a consonant ('y' is a consonant at the start or after a vowel).
    private static bool Cons(char[] b, int i) => b[i] switch
    {
        'a' or 'e' or 'i' or 'o' or 'u' => false,
        'y' => i == 0 || !Cons(b, i - 1),
        _ => true,
    };

    // m(): the number of VC sequences in b[0..j].
    private static int Measure(char[] b, int j)
    {
        var n = 0;
        var i = 0;
        while (true)
        {
            if (i > j) return n;
            if (!Cons(b, i)) break;
            i++;
        }

        i++;
        while (true)
        {
            while (true)
            {
                if (i > j) return n;
                if (Cons(b, i)) break;
                i++;
            }

            i++;
            n++;
            while (true)
            {
                if (i > j) return n;
                if (!Cons(b, i)) break;
                i++;
            }

            i++;
        }
    }

    private static bool VowelInStem(char[] b, int j)
    {
        for (var i = 0; i <= j; i++)
        {
            if (!Cons(b, i)) return true;
        }

        return false;
    }

    private static bool DoubleC(char[] b, int j) => j >= 1 && b[j] == b[j - 1] && Cons(b, j);

    // cvc(i): consonant-vowel-consonant ending at i, the last consonant not w, x or y.
    private static bool Cvc(char[] b, int i)
    {
        if (i < 2 || !Cons(b, i) || Cons(b, i - 1) || !Cons(b, i - 2)) return false;
        return b[i] is not ('w' or 'x' or 'y');
    }

    private static bool Ends(char[] b, int k, string s, out int j)
    {
        j = k;
        var l = s.Length;
        if (l > k + 1) return false;
        for (var i = 0; i < l; i++)
        {
            if (b[k - l + 1 + i] != s[i]) return false;
        }

        j = k - l;
        return true;
    }

    // Replaces b[j+1..k] by s; returns the new k.
    private static int SetTo(char[] b, int j, string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            b[j + 1 + i] = s[i];
        }

        return j + s.Length;
    }

    private static int R(char[] b, int k, int j, string s) => Measure(b, j) > 0 ? SetTo(b, j, s) : k;

    private static int Step1ab(char[] b, int k)
    {
        int j;
        if (b[k] == 's')
        {
            if (Ends(b, k, "sses", out j)) k -= 2;
            else if (Ends(b, k, "ies", out j)) k = SetTo(b, j, "i");
            else if (k >= 1 && b[k - 1] != 's') k--;
        }

        if (Ends(b, k, "eed", out j))
        {
            if (Measure(b, j) > 0) k--;
        }
        else if ((Ends(b, k, "ed", out j) || Ends(b, k, "ing", out j)) && VowelInStem(b, j))
        {
            k = j;
            if (Ends(b, k, "at", out j)) k = SetTo(b, j, "ate");
            else if (Ends(b, k, "bl", out j)) k = SetTo(b, j, "ble");
            else if (Ends(b, k, "iz", out j)) k = SetTo(b, j, "ize");
            else if (DoubleC(b, k))
            {
                if (b[k] is not ('l' or 's' or 'z')) k--;
            }
            else if (Measure(b, k) == 1 && Cvc(b, k))
            {
                k = SetTo(b, k, "e");
            }
        }

        return k;
    }

    private static int Step1c(char[] b, int k)
    {
        if (Ends(b, k, "y", out var j) && VowelInStem(b, j)) b[k] = 'i';
        return k;
    }

    private static readonly (string Suffix, string Replacement)[] Step2Rules =
    [
        ("ational", "ate"), ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("izer", "ize"),
        ("bli", "ble"), ("alli", "al"), ("entli", "ent"), ("eli", "e"), ("ousli", "ous"),
        ("ization", "ize"), ("ation", "ate"), ("ator", "ate"), ("alism", "al"), ("iveness", "ive"),
        ("fulness", "ful"), ("ousness", "ous"), ("aliti", "al"), ("iviti", "ive"), ("biliti", "ble"), ("logi", "log"),
    ];

    private static readonly (string Suffix, string Replacement)[] Step3Rules =
    [
        ("icate", "ic"), ("ative", ""), ("alize", "al"), ("iciti", "ic"), ("ical", "ic"), ("ful", ""), ("ness", ""),
    ];

    private static readonly string[] Step4Suffixes =
    [
        "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion", "ou", "ism", "ate",
        "iti", "ous", "ive", "ize",
    ];

    private static int Step2(char[] b, int k) => ApplyRules(b, k, Step2Rules);

    private static int Step3(char[] b, int k) => ApplyRules(b, k, Step3Rules);

    private static int ApplyRules(char[] b, int k, (string Suffix, string Replacement)[] rules)
    {
        foreach (var (suffix, replacement) in rules)
        {
            if (Ends(b, k, suffix, out var j))
            {
                return R(b, k, j, replacement);
            }
        }

        return k;
    }

    private static int Step4(char[] b, int k)
    {
        foreach (var suffix in Step4Suffixes)
        {
            if (!Ends(b, k, suffix, out var j)) continue;
            if (suffix == "ion" && (j < 0 || b[j] is not ('s' or 't'))) return k;
            return Measure(b, j) > 1 ? j : k;
        }

        return k;
    }

    private static int Step5(char[] b, int k)
    {
        // As in the reference implementation, m() is measured on the word before this step (j = k).
        var j = k;
        if (b[k] == 'e')
        {
            var a = Measure(b, j);
            if (a > 1 || (a == 1 && !Cvc(b, k - 1))) k--;
        }

        if (b[k] == 'l' && DoubleC(b, k) && Measure(b, j) > 1) k--;
        return k;
    }
}
