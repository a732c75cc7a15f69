import { existsSync } from "node:fs";
import { chromium } from "playwright-core";
import type { Browser } from "playwright-core";

/** Debian's Chromium (installed by .ci/run when missing); never a browser downloaded by a script. */
export const CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));

/** Headless Chromium for the browser tests, quiet: no network of its own, no updates, no sync. */
export async function launchChromium(): Promise<Browser> {
  if (!CHROMIUM) throw new Error("Chromium không có: cài bằng `apt-get install chromium` (.ci/run làm việc này).");
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}
