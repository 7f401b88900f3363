// Renders every NAME.mmd of a folder to NAME.svg with Mermaid's own CLI library, in one browser session:
// launching Chromium once and reusing it is what keeps dozens of diagrams to seconds.
//   node render.mjs IN_DIR OUT_DIR
// A diagram Mermaid cannot parse or lay out gets NAME.error (the message) instead of NAME.svg; the process still
// exits 0, so the caller reports every broken diagram, not just the first. Exit 2: the renderer itself failed.
// Debian's chromium (/usr/bin/chromium, or NETDSL_CHROMIUM) is used: puppeteer's own download is skipped.
import fs from "node:fs";
import path from "node:path";
import puppeteer from "puppeteer";
import { renderMermaid } from "@mermaid-js/mermaid-cli";

const [inDir, outDir] = process.argv.slice(2);
if (!inDir || !outDir) {
  console.error("usage: node render.mjs IN_DIR OUT_DIR");
  process.exit(64);
}
fs.mkdirSync(outDir, { recursive: true });
const names = fs.readdirSync(inDir).filter((f) => f.endsWith(".mmd")).sort();

let browser;
try {
  browser = await puppeteer.launch({
    executablePath: process.env.NETDSL_CHROMIUM || "/usr/bin/chromium",
    headless: true,
    // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
  });
  let failed = 0;
  for (const file of names) {
    const name = file.slice(0, -4);
    const definition = fs.readFileSync(path.join(inDir, file), "utf8");
    try {
      const { data } = await renderMermaid(browser, definition, "svg", {});
      fs.writeFileSync(path.join(outDir, name + ".svg"), data);
    } catch (e) {
      failed++;
      fs.writeFileSync(path.join(outDir, name + ".error"), String(e && e.message ? e.message : e));
    }
  }
  console.log(JSON.stringify({ rendered: names.length - failed, failed }));
} catch (e) {
  console.error("renderer failed: " + (e && e.stack ? e.stack : e));
  process.exitCode = 2;
} finally {
  if (browser) await browser.close();
}
