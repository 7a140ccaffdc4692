import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';

/** Where the console is served: the API serves apps/web/dist at / (or the Vite dev server). */
export const WEB_URL = process.env.WEB_URL || 'http://127.0.0.1:3300/';
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
/** Screenshots for review (git-ignored). */
export const SCREENSHOT_DIR = fileURLToPath(new URL('../../../artifacts/screenshots/', import.meta.url));
/** The console's target screen. */
export const VIEWPORT = { width: 1366, height: 768 };

export const DEMO_PASSWORD = 'Weiquan@2026';

/** Debian's Chromium, headless; never a downloaded browser. */
export function launchBrowser(): Promise<Browser> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Fails fast with a clear message when nothing serves the console. */
export async function assertServerUp(): Promise<void> {
  try {
    const res = await fetch(WEB_URL, { signal: AbortSignal.timeout(5_000) });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
  } catch (error) {
    throw new Error(
      `Console not reachable at ${WEB_URL} (${String(error)}). Start the API (it serves apps/web/dist) or set WEB_URL.`,
    );
  }
}

export function shot(name: string): string {
  return `${SCREENSHOT_DIR}${name}.png`;
}
