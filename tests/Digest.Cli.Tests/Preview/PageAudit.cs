using System.Text.Json;
using Microsoft.Playwright;

namespace Digest.Cli.Tests.Preview;

/// <summary>What the rendered page shows, measured in the browser: overflow, contrast of every text, links, tap targets.</summary>
internal sealed record PageAudit(
    int ScrollWidth,
    int ViewportWidth,
    double MinContrast,
    IReadOnlyList<string> ContrastFailures,
    int TextElements,
    IReadOnlyList<AuditLink> Links)
{
    /// <summary>
    /// WCAG 2.x contrast of every visible element that has its own text: its computed colour against the first opaque
    /// background colour up the tree (translucent layers blended), large text (24 px, or 18.66 px bold) needing 3:1.
    /// </summary>
    private const string Script = """
        () => {
          const parse = c => { const m = /rgba?\(([^)]*)\)/.exec(c); if (!m) return null;
            const p = m[1].split(/[\s,\/]+/).filter(Boolean).map(Number); return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 }; };
          const lum = c => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
            return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); };
          const over = (top, bottom) => ({ r: top.r * top.a + bottom.r * (1 - top.a), g: top.g * top.a + bottom.g * (1 - top.a), b: top.b * top.a + bottom.b * (1 - top.a), a: 1 });
          const dark = matchMedia('(prefers-color-scheme: dark)').matches;
          const background = el => { const layers = [];
            for (let e = el; e; e = e.parentElement) { const c = parse(getComputedStyle(e).backgroundColor);
              if (c && c.a > 0) { layers.push(c); if (c.a >= 1) break; } }
            let bg = dark ? { r: 18, g: 18, b: 18, a: 1 } : { r: 255, g: 255, b: 255, a: 1 };
            for (let i = layers.length - 1; i >= 0; i--) bg = over(layers[i], bg);
            return bg; };
          const visible = el => { if (el.getClientRects().length === 0) return false;
            for (let e = el; e; e = e.parentElement) { const s = getComputedStyle(e);
              if (s.visibility === 'hidden' || s.display === 'none' || parseFloat(s.opacity) === 0 || s.maxHeight === '0px') return false; }
            return true; };
          let min = 99, count = 0; const failures = [];
          for (const el of document.body.querySelectorAll('*')) {
            const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim().length > 0);
            if (!own || !visible(el)) continue;
            const s = getComputedStyle(el); const fg = parse(s.color); const bg = background(el);
            const [hi, lo] = [lum(over(fg, bg)), lum(bg)].sort((a, b) => b - a);
            const ratio = (hi + 0.05) / (lo + 0.05); const size = parseFloat(s.fontSize);
            const large = size >= 24 || (parseInt(s.fontWeight) >= 700 && size >= 18.66);
            count++; min = Math.min(min, ratio);
            if (ratio < (large ? 3 : 4.5)) failures.push(`${el.tagName.toLowerCase()}.${el.className} "${el.textContent.trim().slice(0, 40)}" ${s.color} on rgb(${Math.round(bg.r)},${Math.round(bg.g)},${Math.round(bg.b)}) = ${ratio.toFixed(2)}`);
          }
          const links = [...document.querySelectorAll('a')].map(a => { const r = a.getBoundingClientRect(); return {
            href: a.getAttribute('href') || '', text: a.textContent.trim(), height: r.height, width: r.width, visible: visible(a),
            source: a.closest('ul.s') !== null }; });
          return JSON.stringify({ scrollWidth: Math.max(document.documentElement.scrollWidth, document.body.scrollWidth), viewportWidth: innerWidth,
            minContrast: min, contrastFailures: failures, textElements: count, links });
        }
        """;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<PageAudit> RunAsync(IPage page) =>
        JsonSerializer.Deserialize<PageAudit>(await page.EvaluateAsync<string>(Script), Json) ?? throw new InvalidDataException("Empty audit.");
}

/// <summary>One link as rendered: its href and text, its box, whether it is visible, whether it cites a source article.</summary>
internal sealed record AuditLink(string Href, string Text, double Height, double Width, bool Visible, bool Source);
