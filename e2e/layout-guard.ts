/**
 * The phone-layout guard (docs: CONVENTIONS "Layout at phone size"), shared by e2e/layout.spec.ts and the
 * screenshots (e2e/screens.spec.ts). `measure(deviceWidth)` runs in the page and lists what does not fit:
 *
 * - scroll: `document.documentElement.scrollWidth` is wider than the emulated device width. Never compare with
 *   `window.innerWidth`: Chromium's phone emulation widens the layout viewport to fit overflowing content, so
 *   innerWidth grows with the bug and such a check passes it;
 * - offscreen: a visible interactive control (or, for a control inside a sideways scroller such as the Log's day
 *   picker, that scroller) is not inside [0, device width];
 * - clipped: a control is cut off by an ancestor that hides overflow without scrolling;
 * - text: visible text lies outside the viewport (e.g. an amount pushed off a card);
 * - spill: visible text runs sideways out of the box it sits in, over its neighbours (an amount wider than its tile);
 * - truncated: text is cut by a box that hides overflow, with no `title` carrying the full text;
 * - target: a tap target under 44 px in both height and width, or under 24 px in either (WCAG 2.5.8's minimum).
 *   The target of a visually hidden or native radio/checkbox is its label. Exempt: links inside running text
 *   (WCAG's "inline" exception: a `display: inline` link in a sentence with other words), sized by the line.
 */
import { expect, type Page } from "@playwright/test";

export const PHONE_SIZES = [
  { width: 360, height: 740 },
  { width: 375, height: 812 },
] as const;

export interface LayoutProblem {
  kind: "scroll" | "offscreen" | "clipped" | "text" | "spill" | "truncated" | "target";
  detail: string;
}

/** Runs in the page (self-contained: Playwright serialises it). Every layout problem at the current size. */
export function measure(deviceWidth: number): LayoutProblem[] {
  const problems: LayoutProblem[] = [];
  const vw = deviceWidth;
  const slack = 1; // sub-pixel rounding
  const describe = (el: Element) => {
    const name = (el.getAttribute("aria-label") ?? (el as HTMLElement).innerText ?? el.textContent ?? "")
      .trim()
      .replace(/\s+/g, " ")
      .slice(0, 50);
    const id = el.id ? `#${el.id}` : "";
    const type = el.getAttribute("type") ? `[type=${el.getAttribute("type")}]` : "";
    return `<${el.tagName.toLowerCase()}${id}${type}> "${name || el.getAttribute("name") || ""}"`;
  };
  const box = (r: DOMRect) =>
    `x ${Math.round(r.left)}–${Math.round(r.right)}, ${Math.round(r.width)}×${Math.round(r.height)}`;
  const overflowX = (el: Element) => getComputedStyle(el).overflowX;
  const top = (el: Element | null) => !el || el === document.body || el === document.documentElement;
  /** The nearest ancestor (from `from` up) that scrolls sideways: its content may lie outside it, one swipes there. */
  const scrollerOf = (from: Element | null): Element | null => {
    for (let a = from; !top(a); a = a!.parentElement) {
      const o = overflowX(a!);
      if (o === "auto" || o === "scroll") return a;
    }
    return null;
  };
  /** The nearest ancestor (from `from` up, below `stopAt`) that clips sideways without scrolling. */
  const clipperOf = (from: Element | null, stopAt: Element | null): Element | null => {
    for (let a = from; !top(a) && a !== stopAt; a = a!.parentElement) {
      const o = overflowX(a!);
      if (o === "hidden" || o === "clip") return a;
      if (getComputedStyle(a!).position === "fixed") return null;
    }
    return null;
  };
  const visuallyHidden = (r: DOMRect) => r.width <= 1 || r.height <= 1;
  const shown = (el: Element) =>
    el.checkVisibility({ visibilityProperty: true, opacityProperty: true }) &&
    !el.closest("[aria-hidden=true], [inert]");

  // 1. No sideways scroll.
  const scrollWidth = document.documentElement.scrollWidth;
  if (scrollWidth > vw)
    problems.push({ kind: "scroll", detail: `the page is ${scrollWidth} px wide (device ${vw} px)` });

  // 2. Controls: inside the viewport, not clipped, big enough to tap.
  const controls = document.querySelectorAll(
    'a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button], [role=link], [role=tab], [role=switch], [role=checkbox], [role=radio], [role=menuitem], [role=option], [tabindex]:not([tabindex="-1"])',
  );
  const seen = new Set<Element>();
  for (const el of controls) {
    if (!shown(el)) continue;
    let rect = el.getBoundingClientRect();
    if (rect.width === 0 && rect.height === 0) continue;
    let target: Element = el;
    const input = el instanceof HTMLInputElement ? el : null;
    if (visuallyHidden(rect) || (input && (input.type === "radio" || input.type === "checkbox"))) {
      const label = input?.labels?.[0] ?? el.closest("label");
      if (label && shown(label)) {
        target = label;
        rect = label.getBoundingClientRect();
      } else if (visuallyHidden(rect)) continue; // e.g. the skip link until it has the focus
    }
    if (seen.has(target)) continue;
    seen.add(target);

    const scroller = scrollerOf(target.parentElement);
    const where = scroller ? scroller.getBoundingClientRect() : rect;
    if (where.left < -slack || where.right > vw + slack) {
      problems.push({
        kind: "offscreen",
        detail: `${describe(el)} at ${box(where)}${scroller ? " (its scroller)" : ""}`,
      });
    }
    const clipper = clipperOf(target.parentElement, scroller);
    if (clipper) {
      const c = clipper.getBoundingClientRect();
      if (rect.left < c.left - slack || rect.right > c.right + slack) {
        problems.push({
          kind: "clipped",
          detail: `${describe(el)} at ${box(rect)} cut off by ${describe(clipper)} at ${box(c)}`,
        });
      }
    }
    const inlineInText =
      el.tagName === "A" &&
      getComputedStyle(el).display === "inline" &&
      (el.parentElement?.textContent ?? "").trim().length > (el.textContent ?? "").trim().length + 1;
    const small =
      (rect.height < 44 - slack && rect.width < 44 - slack) || rect.height < 24 - slack || rect.width < 24 - slack;
    if (!inlineInText && small) {
      problems.push({
        kind: "target",
        detail: `${describe(el)} is ${Math.round(rect.width)}×${Math.round(rect.height)} px`,
      });
    }
  }

  // 3. Text: on screen, and not clipped unless truncated with the full text in a title.
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || !(node.textContent ?? "").trim()) continue;
    if (parent.closest("svg, script, style, noscript, template")) continue;
    if (!shown(parent) || visuallyHidden(parent.getBoundingClientRect())) continue; // sr-only text
    range.selectNodeContents(node);
    const r = range.getBoundingClientRect();
    if (visuallyHidden(r)) continue;
    const text = `"${(node.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 50)}"`;
    const scroller = scrollerOf(parent);
    const clipper = clipperOf(parent, scroller);
    if (clipper) {
      const c = clipper.getBoundingClientRect();
      if (r.left < c.left - slack || r.right > c.right + slack) {
        if (!parent.closest("[title]")) {
          problems.push({
            kind: "truncated",
            detail: `${text} in ${describe(parent)} cut at ${box(c)} with no title (text at ${box(r)})`,
          });
        }
        continue;
      }
    }
    const where = scroller ? scroller.getBoundingClientRect() : r;
    if (where.left < -slack || where.right > vw + slack) {
      problems.push({
        kind: "text",
        detail: `${text} in ${describe(parent)} at ${box(where)}${scroller ? " (its scroller)" : ""}`,
      });
      continue;
    }
    // Text that spills sideways out of the box it sits in runs over its neighbours (an amount over the next tile).
    let block: Element = parent;
    while (block.parentElement && getComputedStyle(block).display.startsWith("inline")) block = block.parentElement;
    if (block !== scroller) {
      const b = block.getBoundingClientRect();
      if (r.left < b.left - slack || r.right > b.right + slack) {
        problems.push({ kind: "spill", detail: `${text} at ${box(r)} spills out of ${describe(block)} at ${box(b)}` });
      }
    }
  }
  return problems;
}

/** Waits until the page has loaded its data and laid out. */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState("networkidle", { timeout: 15_000 }).catch(() => undefined);
  const loading = page
    .getByText(/^Loading\b/)
    .and(page.locator(":not(option)"))
    .filter({ visible: true });
  await expect(loading).toHaveCount(0, { timeout: 20_000 });
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/** The page's layout problems at one size (the viewport is set to it). */
export async function layoutProblems(page: Page, size: { width: number; height: number }): Promise<string[]> {
  await page.setViewportSize(size);
  await settle(page);
  const problems = await page.evaluate(measure, size.width);
  return problems.map((p) => `${p.kind}: ${p.detail}`);
}

/**
 * The page as it is now fits both phone sizes (ending at 375×812, the phone project's size). Soft assertions, so
 * one run lists every page's problems; `label` names the page in failures.
 */
export async function expectFits(page: Page, label: string): Promise<void> {
  for (const size of PHONE_SIZES) {
    const problems = await layoutProblems(page, size);
    expect.soft(problems, `${label} at ${size.width}×${size.height} (${new URL(page.url()).pathname})`).toEqual([]);
  }
}
