#!/usr/bin/env node
/*
 * Real-browser check of kitei serve's live reload: node serve.js URL FILE TEXT
 *
 * Opens URL (a manual page served by kitei serve) in headless Chromium
 * (CHROMIUM, default /usr/bin/chromium) through playwright-core, then
 * appends a paragraph holding TEXT to FILE (the page's Markdown source) and
 * waits, without touching the browser, until the page shows TEXT.  Checks:
 *   - the page loads, with the findings panel and the 未コミット mark;
 *   - the reload script runs under the page's Content-Security-Policy (the
 *     console reports no CSP violation, the SSE stream is opened);
 *   - the edit reaches the page by itself within 20 s (the time is printed);
 *   - no request leaves the server.
 * Prints "ok - …" or "FAIL - …" per check (tests/lib.sh style) and exits 1
 * when any check failed, 2 when it could not run.
 */
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');

const [url, file, text] = process.argv.slice(2);
if (!url || !file || !text) {
	console.error('usage: node serve.js URL FILE TEXT');
	process.exit(2);
}

let failed = 0;
function ok(what) { console.log(`ok - ${what}`); }
function fail(what) { console.log(`FAIL - ${what}`); failed++; }
function check(what, cond, detail) {
	if (cond) ok(what); else fail(detail ? `${what}: ${detail}` : what);
}

async function main() {
	let chromium;
	try {
		({ chromium } = require('playwright-core'));
	} catch (e) {
		console.error(`serve.js: ${e.message} (run npm ci in tests/browser)`);
		process.exit(2);
	}
	const base = new URL(url).origin;
	const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'kitei-chromium-'));
	let context;
	try {
		context = await chromium.launchPersistentContext(profile, {
			executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
			headless: true,
			args: ['--headless', '--no-sandbox', '--disable-gpu',
			    '--disable-background-networking', '--disable-component-update',
			    '--disable-sync', '--no-first-run'],
			locale: 'ja-JP',
		});
	} catch (e) {
		console.error(`serve.js: cannot start Chromium: ${e.message}`);
		fs.rmSync(profile, { recursive: true, force: true });
		process.exit(2);
	}
	const foreign = [];
	const csp = [];
	let events = 0;
	context.on('request', (r) => {
		if (!r.url().startsWith(base)) foreign.push(r.url());
		if (r.url().endsWith('/_kitei/events')) events++;
	});
	const page = await context.newPage();
	page.on('console', (m) => {
		if (/Content.Security.Policy|Refused to/i.test(m.text())) csp.push(m.text());
	});
	let loads = 0;
	page.on('load', () => { loads++; });
	const res = await page.goto(url, { waitUntil: 'load' });
	check('the manual page loads', res && res.status() === 200,
	    res ? `status ${res.status()}` : 'no response');
	const before = await page.evaluate(() => ({
		panel: !!document.querySelector('aside.kitei-serve'),
		uncommitted: document.body.innerText.includes('未コミット'),
	}));
	check('the findings panel is on the page', before.panel);
	check('the page is marked 未コミット', before.uncommitted);
	/* The SSE stream must be open before the edit, or the test proves less. */
	for (let i = 0; i < 50 && events === 0; i++)
		await page.waitForTimeout(100);
	check('the page opened the reload stream', events > 0);
	await page.waitForTimeout(300);

	const t0 = Date.now();
	fs.appendFileSync(file, `\n${text}\n`);
	let seen = false;
	try {
		await page.waitForFunction((t) => document.body &&
		    document.body.innerText.includes(t), text, { timeout: 20000, polling: 50 });
		seen = true;
	} catch (e) {
		seen = false;
	}
	const ms = Date.now() - t0;
	check(`the edit shows without touching the browser (${ms} ms, ${loads} loads)`,
	    seen && loads >= 2);
	check('no CSP violation in the console', csp.length === 0, csp.join(' | '));
	check('no request left the server', foreign.length === 0, foreign.join(' '));
	await context.close();
	fs.rmSync(profile, { recursive: true, force: true });
	process.exit(failed ? 1 : 0);
}

main().catch((e) => {
	console.error(`serve.js: ${e.stack || e}`);
	process.exit(2);
});
