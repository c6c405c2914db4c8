// Opens pages of a built locdoc site in headless Chromium (Debian's package,
// driven by playwright-core): no console errors, no axe-core violations
// (WCAG 2.1 A/AA), sentences show their English source on keyboard focus,
// the side-by-side switch works, tab groups switch, the language switcher
// leads to every other locale, and a screenshot is taken of each article page.
//
// usage: node site.mjs <base-url> <screenshot-dir> <path>...
import { chromium } from "playwright-core";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const axePath = require.resolve("axe-core/axe.min.js");
const [base, shots, ...paths] = process.argv.slice(2);
const problems = [];
const profile = mkdtempSync(join(tmpdir(), "locdoc-chromium-"));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  viewport: { width: 1100, height: 900 },
});

async function open(page, path) {
  const errors = [];
  const onConsole = (m) => { if (m.type() === "error") errors.push(m.text()); };
  const onError = (e) => errors.push(String(e));
  page.on("console", onConsole);
  page.on("pageerror", onError);
  const response = await page.goto(base + path, { waitUntil: "load" });
  if (!response || !response.ok()) problems.push(`${path}: HTTP ${response && response.status()}`);
  await page.waitForTimeout(50);
  page.off("console", onConsole);
  page.off("pageerror", onError);
  for (const e of errors) problems.push(`${path}: console error: ${e}`);
}

async function axe(page, path) {
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }));
  for (const v of result.violations) {
    const where = v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ");
    problems.push(`${path}: axe ${v.id} (${v.impact}): ${v.help} at ${where}`);
  }
}

async function readingModes(page, path) {
  const seg = page.locator(".seg[tabindex='0']").first();
  if ((await seg.count()) === 0) return;
  await seg.focus();
  const shown = await seg.locator(".src").evaluate((e) => getComputedStyle(e).display !== "none");
  if (!shown) problems.push(`${path}: the English source is not shown on focus`);
  const sxs = page.locator("#view-switch button[data-view='sxs']");
  if ((await sxs.count()) > 0) {
    await sxs.click();
    if (!(await page.locator(".col-source").isVisible())) problems.push(`${path}: side by side shows no English`);
    // The English column's tab lists keep one tab stop each.
    const groups = await page.locator(".col-source .tabs-on").count();
    const stops = await page.locator(".col-source [role=tab]:not([tabindex='-1'])").count();
    if (stops !== groups) problems.push(`${path}: the English column's tab lists have ${stops} tab stops for ${groups} groups`);
    await page.screenshot({ path: join(shots, path.replace(/\//g, "_") + "sxs.png") });
    await page.locator("#view-switch button[data-view='single']").click();
  }
}

// A DocFX tab group shows one tab at a time; a click or the arrow keys choose another.
async function tabs(page, path) {
  if ((await page.locator(".col-target .tabs").count()) === 0) return;
  const group = page.locator(".col-target .tabs-on").first();
  if ((await group.count()) === 0) { problems.push(`${path}: a tab group has no tab list`); return; }
  const tab = (i) => group.locator("[role=tab]").nth(i);
  const panel = (i) => group.locator(":scope > [role=tabpanel]").nth(i);
  const shows = async (i) => (await panel(i).isVisible()) && (await tab(i).getAttribute("aria-selected")) === "true";
  if (!(await shows(0)) || (await panel(1).isVisible())) problems.push(`${path}: a tab group does not start on its first tab`);
  await tab(1).click();
  if (!(await shows(1)) || (await panel(0).isVisible())) problems.push(`${path}: a click does not choose a tab`);
  await tab(1).press("Home");
  if (!(await shows(0))) problems.push(`${path}: Home does not choose the first tab`);
}

async function switcher(page, path) {
  const links = await page.locator("nav.lang-switch a").evaluateAll((as) =>
    as.map((a) => ({ href: a.href, lang: a.getAttribute("hreflang") })));
  for (const { href, lang } of links) {
    const response = await page.goto(href);
    const actual = await page.locator("html").getAttribute("lang");
    if (!response || !response.ok() || actual !== lang) problems.push(`${path}: switcher to ${lang} gave ${actual}`);
  }
}

const page = await context.newPage();
for (const path of paths) {
  await open(page, path);
  await axe(page, path);
  if (/^[a-z]{2}(-[a-z0-9]+)*\/.+\/$/.test(path) && !path.startsWith("review/")) {
    await tabs(page, path);
    await readingModes(page, path);
    await page.screenshot({ path: join(shots, path.replace(/\//g, "_") + ".png"), fullPage: false });
    await switcher(page, path);
  }
}
await context.close();
rmSync(profile, { recursive: true, force: true });
for (const p of problems) console.log(p);
console.log(`checked ${paths.length} pages, ${problems.length} problems`);
process.exit(problems.length ? 1 : 0);
