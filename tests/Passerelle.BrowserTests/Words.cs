using Microsoft.Playwright;

namespace Passerelle.BrowserTests;

/// <summary>
/// Whether the words in a page's table cells and buttons read whole. Each word (a run of non-space characters) of
/// each visible text node in a cell or button is measured with a Range: a word whose rectangles lie on more than one
/// line was broken across lines ("Confi / rm"), and a word wider than its cell's or button's content box, or reaching
/// outside its border box, does not fit in it; and a table wider than the room it has must be scrolled sideways.
/// </summary>
public static class Words
{
    private const string Measure = """
        () => {
          const failures = [];
          const skip = new Set(['SELECT', 'OPTION', 'TEXTAREA', 'SCRIPT', 'STYLE']);
          for (const box of document.querySelectorAll('td, th, button, a.button')) {
            if (box.getClientRects().length === 0) continue;
            const style = getComputedStyle(box);
            const outer = box.getBoundingClientRect();
            const inner = outer.width - ['borderLeftWidth', 'borderRightWidth', 'paddingLeft', 'paddingRight']
              .reduce((sum, side) => sum + parseFloat(style[side]), 0);
            const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              if (skip.has(node.parentElement.tagName)) continue;
              for (const m of node.data.matchAll(/\S+/g)) {
                const range = document.createRange();
                range.setStart(node, m.index);
                range.setEnd(node, m.index + m[0].length);
                const rects = [...range.getClientRects()].filter(r => r.width > 0 && r.height > 0);
                if (rects.length === 0) continue;
                const tops = rects.map(r => r.top).sort((a, b) => a - b);
                const lines = tops.filter((t, i) => i === 0 || t - tops[i - 1] > rects[0].height / 2).length;
                const whole = range.getBoundingClientRect();
                const name = box.tagName.toLowerCase() + (box.id ? '#' + box.id : '');
                if (lines > 1) {
                  failures.push(`${name}: "${m[0]}" is broken across ${lines} lines`);
                } else if (whole.width > inner + 1 || whole.left < outer.left - 1 || whole.right > outer.right + 1) {
                  const sizes = `${Math.round(whole.width)} px wide in a box of ${Math.round(inner)} px`;
                  failures.push(`${name}: "${m[0]}" is ${sizes}`);
                }
              }
            }
          }
          for (const table of document.querySelectorAll('main table')) {
            const room = table.parentElement.getBoundingClientRect().width;
            const width = table.getBoundingClientRect().width;
            if (width > room + 1) {
              const name = 'table' + (table.id ? '#' + table.id : '');
              failures.push(`${name} is ${Math.round(width)} px wide in ${Math.round(room)} px`);
            }
          }
          return failures;
        }
        """;

    /// <summary>Each word that is broken across lines or does not fit its cell or button, described.</summary>
    public static async Task<IReadOnlyList<string>> MisfitsAsync(IPage page) =>
        await page.EvaluateAsync<string[]>(Measure);
}
