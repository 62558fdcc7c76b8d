// Drives a built doc site in headless Chromium (Debian's /usr/bin/chromium) with
// playwright-core (installed by tests/setup/docs.sh into .work/docs).
//
// usage: node browser.mjs <site-dir> <expectations.json> <screenshot.png>
// expectations.json: { "page": "alicloud/ecs/imagesharepermission.html",
//                      "signatures": { "python": "...", "typescript": "..." },
//                      "search": "share" }
// Prints one line per check; exits 1 on the first failure.
import { createRequire } from "node:module";
import http from "node:http";
import fs from "node:fs";
import path from "node:path";

const [siteArg, expectPath, shotPath] = process.argv.slice(2);
const siteDir = path.resolve(siteArg);
const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");
const { chromium } = require(path.join(root, ".work/docs/node_modules/playwright-core"));
const want = JSON.parse(fs.readFileSync(expectPath, "utf8"));

const types = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".json": "application/json",
  ".svg": "image/svg+xml", ".png": "image/png", ".woff2": "font/woff2", ".woff": "font/woff", ".ttf": "font/ttf" };
const server = http.createServer((req, res) => {
  const url = decodeURIComponent(new URL(req.url, "http://x").pathname);
  let file = path.join(siteDir, url);
  if (!file.startsWith(path.resolve(siteDir))) { res.writeHead(403).end(); return; }
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, "index.html");
  fs.readFile(file, (err, data) => {
    if (err) { res.writeHead(404).end("not found"); return; }
    res.writeHead(200, { "content-type": types[path.extname(file)] || "application/octet-stream" }).end(data);
  });
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const base = `http://127.0.0.1:${server.address().port}/`;

let failed = false;
function check(name, ok, detail) {
  console.log(`${ok ? "ok" : "FAIL"}: ${name}${detail ? ` (${detail})` : ""}`);
  if (!ok) failed = true;
}

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run"],
});
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems = [];
  page.on("console", (m) => { if (m.type() === "error") problems.push(m.text()); });
  page.on("pageerror", (e) => problems.push(String(e)));
  page.on("request", (r) => { if (!r.url().startsWith(base)) problems.push(`external request: ${r.url()}`); });

  await page.goto(base + want.page);
  await page.waitForSelector(".bg-chooser button[data-lang=python]");
  // Choose Python with the first chooser on the page.
  await page.locator(".bg-chooser button[data-lang=python]").first().click();

  const state = async () => page.evaluate(() => {
    const vis = (el) => !!(el.offsetWidth || el.offsetHeight || el.getClientRects().length);
    const blocks = [...document.querySelectorAll(".bg-choosable")];
    const by = (l) => blocks.filter((b) => b.dataset.lang === l);
    return {
      python: by("python").length, pythonVisible: by("python").filter(vis).length,
      typescript: by("typescript").length, typescriptVisible: by("typescript").filter(vis).length,
      visibleCode: blocks.filter(vis).map((b) => b.innerText),
      select: (document.getElementById("bg-language") || {}).value,
      pressed: [...document.querySelectorAll(".bg-chooser button[aria-pressed=true]")].map((b) => b.dataset.lang),
    };
  });
  const checkPython = async (when) => {
    const s = await state();
    check(`${when}: every Python block shown`, s.python > 0 && s.pythonVisible === s.python, `${s.pythonVisible}/${s.python}`);
    check(`${when}: every TypeScript block hidden`, s.typescript > 0 && s.typescriptVisible === 0, `${s.typescriptVisible}/${s.typescript}`);
    for (const [lang, sig] of Object.entries(want.signatures)) {
      const shown = s.visibleCode.some((t) => t.includes(sig));
      check(`${when}: ${lang} signature ${lang === "python" ? "shown" : "hidden"}`, shown === (lang === "python"), sig);
    }
    check(`${when}: chooser says python`, s.select === "python" && s.pressed.length > 0 && s.pressed.every((l) => l === "python"),
      `select=${s.select} pressed=${s.pressed}`);
  };
  await checkPython("after choosing");
  await page.reload();
  await page.waitForSelector(".bg-chooser button[data-lang=python]");
  await checkPython("after reload");
  await page.screenshot({ path: shotPath, fullPage: false });
  // A second artifact: the constructor signatures, Python chosen.
  await page.evaluate(() => document.getElementById("create-a-imagesharepermission-resource")?.scrollIntoView());
  await page.screenshot({ path: shotPath.replace(/\.png$/, "-create.png"), fullPage: false });

  // Nested-type anchors: the link to a supporting type lands on its heading.
  if (want.anchorPage) {
    await page.goto(base + want.anchorPage);
    const link = page.locator(`.bg-choosable[data-lang=python] a[href="#${want.anchor}"]`).first();
    await link.click();
    const ok = await page.evaluate((id) => {
      const el = document.getElementById(id);
      if (!el) return false;
      const r = el.getBoundingClientRect();
      return location.hash === `#${id}` && r.top >= -5 && r.top < window.innerHeight;
    }, want.anchor);
    check(`anchor #${want.anchor} exists and is scrolled to`, ok);
  }

  // Full-text search: open the search bar, type, follow the result to the page.
  await page.goto(base + "index.html");
  await page.locator("#mdbook-search-toggle").click();
  // mdBook searches on keyup, so type like a person.
  await page.locator("#mdbook-searchbar").pressSequentially(want.search, { delay: 40 });
  const result = page.locator(`#mdbook-searchresults a[href*="${want.page.split("/").pop()}"]`).first();
  await result.waitFor({ timeout: 10000 });
  check(`search "${want.search}" lists the page`, true);
  await result.click();
  await page.waitForLoadState("load");
  check("search result opens the page", new URL(page.url()).pathname === "/" + want.page, page.url());
  const title = await page.locator("main h1").first().innerText();
  check("page heading", title.trim() === want.title, title);

  check("no console errors, CSP violations or external requests", problems.length === 0, problems.join(" | "));

  // A page made from a hostile schema: scripts, event handlers and javascript: links in its
  // descriptions must not run, even when clicked.
  if (want.hostilePage) {
    try {
      await page.goto(base + want.hostilePage);
      const hrefs = await page.evaluate(() => [...document.querySelectorAll("main a")].map((a) => a.getAttribute("href") || ""));
      const results = [await page.evaluate(() => window.__pwned)];
      for (let i = 0; i < hrefs.length; i++) {
        if (!/unsafe-link|script/i.test(hrefs[i])) continue;
        await page.goto(base + want.hostilePage);
        await page.evaluate((n) => document.querySelectorAll("main a")[n].click(), i);
        await page.waitForTimeout(200);
        results.push(await page.evaluate(() => window.__pwned).catch(() => undefined));
      }
      check("hostile page: no schema script ran", results.every((r) => r === undefined), JSON.stringify(results));
    } catch (e) {
      check("hostile page: no schema script ran", false, String(e));
    }
  }
} finally {
  await browser.close();
  server.close();
}
process.exit(failed ? 1 : 0);
